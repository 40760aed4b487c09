#include "match/set_image.h"

#include <re2/pod_array.h>
#include <re2/prog.h>

#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>

#include "image/bytes.h"

namespace postcheck {
namespace {

using re2::Prog;

// RE2 keeps a program's fields and a set's program private, and offers no
// serialisation. An explicit template instantiation may name private members
// (C++17 [temp.spec]/6), which yields pointers-to-member without patching
// RE2's headers. If RE2 renames a field, this file stops compiling, loudly.
template <typename Tag, typename Tag::type kMember>
struct PrivateAccess {
  friend typename Tag::type Member(Tag) { return kMember; }
};
#define POSTCHECK_PRIVATE(Tag, Class, Type, field) \
  struct Tag {                                     \
    using type = Type Class::*;                    \
    friend type Member(Tag);                       \
  };                                               \
  template struct PrivateAccess<Tag, &Class::field>

using InstCounts = int[re2::kNumInst];
using ByteMap = uint8_t[256];
POSTCHECK_PRIVATE(ProgDidFlatten, Prog, bool, did_flatten_);
POSTCHECK_PRIVATE(ProgSize, Prog, int, size_);
POSTCHECK_PRIVATE(ProgBytemapRange, Prog, int, bytemap_range_);
POSTCHECK_PRIVATE(ProgListCount, Prog, int, list_count_);
POSTCHECK_PRIVATE(ProgInstCount, Prog, InstCounts, inst_count_);
POSTCHECK_PRIVATE(ProgListHeads, Prog, re2::PODArray<uint16_t>, list_heads_);
POSTCHECK_PRIVATE(ProgBitStateMax, Prog, size_t, bit_state_text_max_size_);
POSTCHECK_PRIVATE(ProgInst, Prog, re2::PODArray<Prog::Inst>, inst_);
POSTCHECK_PRIVATE(ProgBytemap, Prog, ByteMap, bytemap_);
POSTCHECK_PRIVATE(SetCompiled, re2::RE2::Set, bool, compiled_);
POSTCHECK_PRIVATE(SetSize, re2::RE2::Set, int, size_);
POSTCHECK_PRIVATE(SetProg, re2::RE2::Set, std::unique_ptr<Prog>, prog_);
#undef POSTCHECK_PRIVATE

// Bumped whenever what is saved changes.
constexpr uint32_t kFormat = 3;

static_assert(sizeof(Prog::Inst) == 8, "RE2 instructions are 8 bytes (a word and a union)");
static_assert(std::is_trivially_copyable<Prog::Inst>::value, "RE2 instructions are plain data");

// An instruction is two words: out_opcode_ (target << 4 | last << 3 | opcode)
// and a union whose meaning depends on the opcode.
struct Words {
  uint32_t out_opcode, arg;
};
static_assert(sizeof(Words) == sizeof(Prog::Inst), "an instruction is two 32-bit words");

// Instructions are saved as three columns: opcodes (one byte each), then
// each target as a 32-bit distance from its instruction, then each argument
// (32 bits). Targets are mostly near and arguments of one kind alike, so
// gzip, which every download gets, shrinks this to half of the raw array,
// while decoding stays a plain loop: start-up runs it on cold WebAssembly.
int32_t Distance(uint32_t op, uint32_t value, int id) {
  return op == re2::kInstMatch || op == re2::kInstFail ? int32_t(value) : int32_t(value) - id;
}

void SaveInstructions(Prog* prog, ByteWriter* w) {
  const int size = prog->size();
  std::vector<Words> words(size_t(size), Words{});
  std::memcpy(static_cast<void*>(words.data()), prog->inst(0), sizeof(Words) * words.size());
  for (const Words& in : words) w->U8(uint8_t(in.out_opcode & 0xf));
  for (int id = 0; id < size; ++id) {
    const Words& in = words[size_t(id)];
    w->U32(uint32_t(Distance(in.out_opcode & 7, in.out_opcode >> 4, id)));
  }
  for (int id = 0; id < size; ++id) {
    const Words& in = words[size_t(id)];
    const uint32_t op = in.out_opcode & 7;
    w->U32(op == re2::kInstAltMatch ? uint32_t(int32_t(in.arg) - id) : in.arg);
  }
}

// Decodes instructions [from, to) and checks what RE2's own DCHECKs would:
// a valid opcode, targets inside the program, match ids inside the set.
// Returns the first bad instruction's id, or -1.
//
// Start-up runs this over a hundred thousand instructions on cold
// WebAssembly, where one long call stays in V8's baseline code to the end;
// called in chunks, V8 can optimise it part way (hence noinline). Measured
// on the words set in Node: median 4.0 ms cold, against 4.8 in one call.
[[gnu::noinline]] int DecodeChunk(const uint8_t* ops, const char* targets, const char* args, int from, int to,
                                  int size, int members, Prog::Inst* inst, int counts[re2::kNumInst], int* lists) {
  for (int id = from; id < to; ++id) {
    const uint32_t op = ops[id] & 7, last = ops[id] & 8;
    int32_t target, arg;
    std::memcpy(&target, targets + 4 * size_t(id), 4);  // little-endian, as saved
    std::memcpy(&arg, args + 4 * size_t(id), 4);
    const int64_t out = op == re2::kInstMatch || op == re2::kInstFail ? target : int64_t(id) + target;
    bool ok = op != re2::kInstAlt && op < re2::kNumInst && out >= 0 && out < size;  // flattened: no Alt
    if (op == re2::kInstAltMatch) {
      arg += id;
      ok = ok && !last && arg >= 0 && arg < size;
    }
    if (op == re2::kInstMatch) ok = ok && arg >= 0 && arg < members;
    if (op == re2::kInstEmptyWidth) ok = ok && arg >= 0 && arg <= re2::kEmptyAllFlags;
    if (op == re2::kInstByteRange) ok = ok && (arg & 0xff) <= ((arg >> 8) & 0xff);
    if (id == size - 1) ok = ok && last;  // a list runs on until an instruction marked last
    if (!ok) return id;
    ++counts[op];
    if (last) ++*lists;
    const Words in{uint32_t(out) << 4 | last | op, uint32_t(arg)};
    std::memcpy(static_cast<void*>(inst + id), &in, sizeof in);
  }
  return -1;
}

// A byte range's hint skips the DFA's work queue ahead within its list; one
// that reached past the list's end would skip past the queue's end. Checks
// [from, to) backwards, carrying where the current list ends.
[[gnu::noinline]] int CheckHints(Prog::Inst* inst, int from, int to, int* list_end) {
  for (int id = to - 1; id >= from; --id) {
    Prog::Inst* ip = inst + id;
    if (ip->last()) *list_end = id;
    if (ip->opcode() == re2::kInstByteRange && id + ip->hint() > *list_end) return id;
  }
  return -1;
}

// Also counts what the DFA sizes its arrays by (instructions of each opcode,
// and lists), so those come from the program itself, never from the bytes.
void LoadInstructions(ByteReader* r, int members, re2::PODArray<Prog::Inst>* inst, int counts[re2::kNumInst],
                      int* lists) {
  constexpr int kChunk = 2048;
  const int size = inst->size();
  const std::string_view ops = r->Bytes(size_t(size));
  const std::string_view targets = r->Bytes(4 * size_t(size));
  const std::string_view args = r->Bytes(4 * size_t(size));
  if (!r->ok()) return;
  int bad = -1;
  for (int from = 0; from < size && bad < 0; from += kChunk) {
    bad = DecodeChunk(reinterpret_cast<const uint8_t*>(ops.data()), targets.data(), args.data(), from,
                      std::min(size, from + kChunk), size, members, inst->data(), counts, lists);
  }
  int list_end = size - 1;
  for (int to = size; to > 0 && bad < 0; to -= kChunk) bad = CheckHints(inst->data(), std::max(0, to - kChunk), to, &list_end);
  if (bad >= 0) r->Fail("instruction " + std::to_string(bad) + " of the set is invalid");
}

// The parts of a program besides its instructions: start and byte classes.
bool Valid(Prog* prog, std::string* error) {
  const int size = prog->size();
  if (size <= 0 || prog->start() <= 0 || prog->start() >= size || prog->start_unanchored() != prog->start()) {
    *error = "the set's start is outside its program";
    return false;
  }
  if (prog->bytemap_range() <= 0 || prog->bytemap_range() > 256) {
    *error = "the set's byte classes are out of range";
    return false;
  }
  for (int b = 0; b < 256; ++b) {
    if (prog->bytemap()[b] >= prog->bytemap_range()) {
      *error = "the set's byte classes are out of range";
      return false;
    }
  }
  return true;
}

}  // namespace

std::string SaveSetImage(const re2::RE2::Set& set) {
  auto& s = const_cast<re2::RE2::Set&>(set);
  if (!(s.*Member(SetCompiled{}))) return "";
  Prog* prog = (s.*Member(SetProg{})).get();
  if (prog == nullptr || prog->can_prefix_accel() || prog->reversed()) return "";
  ByteWriter w;
  w.U32(kFormat);
  w.U32(uint32_t(s.*Member(SetSize{})));
  w.U8(prog->anchor_start());
  w.U8(prog->anchor_end());
  w.U32(uint32_t(prog->start()));
  w.U32(uint32_t(prog->size()));
  w.U32(uint32_t(prog->bytemap_range()));
  w.U32(uint32_t(prog->list_count()));
  for (int op = 0; op < re2::kNumInst; ++op) w.U32(uint32_t(prog->inst_count(re2::InstOp(op))));
  w.I64(int64_t(prog->bit_state_text_max_size()));
  w.I64(prog->dfa_mem());
  w.Raw(prog->bytemap(), 256);
  const re2::PODArray<uint16_t>& heads = prog->*Member(ProgListHeads{});
  w.U32(uint32_t(heads.size()));
  w.Raw(heads.data(), sizeof(uint16_t) * size_t(heads.size()));
  SaveInstructions(prog, &w);
  return std::move(w.bytes());
}

std::unique_ptr<re2::RE2::Set> LoadSetImage(std::string_view bytes, const RE2::Options& options, int members,
                                            std::string* error) {
  ByteReader r(bytes);
  if (r.U32() != kFormat) {
    *error = "the set was saved in another format";
    return nullptr;
  }
  if (int(r.U32()) != members) {
    *error = "the set was saved with a different number of patterns";
    return nullptr;
  }
  auto prog = std::make_unique<Prog>();
  prog->set_anchor_start(r.U8() != 0);
  prog->set_anchor_end(r.U8() != 0);
  const int start = int(r.U32());
  prog->set_start(start);
  prog->set_start_unanchored(start);
  const uint32_t size = r.U32();
  if (r.ok() && (size == 0 || size > uint32_t(Prog::Inst::kMaxInst))) r.Fail("a program size out of range");
  prog.get()->*Member(ProgSize{}) = int(size);
  prog.get()->*Member(ProgBytemapRange{}) = int(r.U32());
  const uint32_t saved_lists = r.U32();
  uint32_t saved_counts[re2::kNumInst];
  for (uint32_t& n : saved_counts) n = r.U32();
  prog.get()->*Member(ProgBitStateMax{}) = size_t(r.I64());
  const int64_t dfa_mem = r.I64();
  if (r.ok() && (dfa_mem <= 0 || dfa_mem > options.max_mem())) r.Fail("a DFA budget out of range");
  prog->set_dfa_mem(dfa_mem);
  const std::string_view bytemap = r.Bytes(256);
  const uint32_t heads = r.U32();
  if (r.ok() && heads != 0 && heads != size) r.Fail("list heads that do not match the program");
  const std::string_view head_bytes = r.Bytes(sizeof(uint16_t) * size_t(heads));
  re2::PODArray<Prog::Inst> inst(static_cast<int>(r.ok() ? size : 0));
  int counts[re2::kNumInst] = {};
  int lists = 0;
  if (r.ok()) LoadInstructions(&r, members, &inst, counts, &lists);
  for (int op = 0; op < re2::kNumInst && r.ok(); ++op) {
    if (uint32_t(counts[op]) != saved_counts[op]) r.Fail("instruction counts that do not match the program");
  }
  if (r.ok() && uint32_t(lists) != saved_lists) r.Fail("a list count that does not match the program");
  if (r.ok() && !r.done()) r.Fail("bytes after the set's program");
  if (!r.ok()) {
    *error = "set image: " + r.error();
    return nullptr;
  }
  std::memcpy(prog.get()->*Member(ProgBytemap{}), bytemap.data(), 256);
  if (heads != 0) {
    re2::PODArray<uint16_t> h(static_cast<int>(heads));
    std::memcpy(h.data(), head_bytes.data(), head_bytes.size());
    prog.get()->*Member(ProgListHeads{}) = std::move(h);
  }
  prog.get()->*Member(ProgInst{}) = std::move(inst);
  prog.get()->*Member(ProgListCount{}) = lists;
  std::memcpy(prog.get()->*Member(ProgInstCount{}), counts, sizeof counts);
  prog.get()->*Member(ProgDidFlatten{}) = true;
  if (!Valid(prog.get(), error)) {
    *error = "set image: " + *error;
    return nullptr;
  }
  auto set = std::make_unique<re2::RE2::Set>(options, RE2::UNANCHORED);
  set.get()->*Member(SetSize{}) = members;
  set.get()->*Member(SetProg{}) = std::move(prog);
  set.get()->*Member(SetCompiled{}) = true;
  return set;
}

}  // namespace postcheck
