#include "text/fold_tables.h"

namespace postcheck {

char32_t LatinLookalike(char32_t cp) {
  switch (cp) {
    // Cyrillic (after case folding)
    case 0x0430: return 'a';  // а
    case 0x0432: return 'b';  // в
    case 0x0435: return 'e';  // е
    case 0x0451: return 'e';  // ё
    case 0x043A: return 'k';  // к
    case 0x043C: return 'm';  // м
    case 0x043D: return 'h';  // н
    case 0x043E: return 'o';  // о
    case 0x0440: return 'p';  // р
    case 0x0441: return 'c';  // с
    case 0x0442: return 't';  // т
    case 0x0443: return 'y';  // у
    case 0x0445: return 'x';  // х
    case 0x0455: return 's';  // ѕ
    case 0x0456: return 'i';  // і
    case 0x0457: return 'i';  // ї
    case 0x0458: return 'j';  // ј
    case 0x04BB: return 'h';  // һ
    case 0x0501: return 'd';  // ԁ
    case 0x051B: return 'q';  // ԛ
    case 0x051D: return 'w';  // ԝ
    // Greek
    case 0x03B1: return 'a';  // α
    case 0x03B2: return 'b';  // β
    case 0x03B5: return 'e';  // ε
    case 0x03B9: return 'i';  // ι
    case 0x03BA: return 'k';  // κ
    case 0x03BD: return 'v';  // ν
    case 0x03BF: return 'o';  // ο
    case 0x03C1: return 'p';  // ρ
    case 0x03C4: return 't';  // τ
    case 0x03C5: return 'u';  // υ
    case 0x03C7: return 'x';  // χ
    case 0x03B3: return 'y';  // γ
    // Latin letters that pass for others
    case 0x0131: return 'i';  // ı dotless i
    case 0x0251: return 'a';  // ɑ
    case 0x0261: return 'g';  // ɡ
    case 0x2113: return 'l';  // ℓ
    default: return 0;
  }
}

char LeetLetter(char32_t cp) {
  switch (cp) {
    case '0': return 'o';
    case '1': return 'i';
    case '!': return 'i';
    case '|': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '@': return 'a';
    case '5': return 's';
    case '$': return 's';
    case '7': return 't';
    case '8': return 'b';
    case '9': return 'g';
    case '*': return '*';
    case '#': return '*';
    default: return 0;
  }
}

}  // namespace postcheck
