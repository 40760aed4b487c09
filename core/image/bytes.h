// Little-endian byte writing and bounds-checked reading for the rule image
// (see image/rule_image.h). A reader never reads past its end: a short or
// corrupt image sets an error naming the byte offset instead.
#ifndef POSTCHECK_IMAGE_BYTES_H_
#define POSTCHECK_IMAGE_BYTES_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace postcheck {

class ByteWriter {
 public:
  void U8(uint8_t v) { out_.push_back(char(v)); }
  void U32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(char(v >> (8 * i)));
  }
  void I64(int64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(char(uint64_t(v) >> (8 * i)));
  }
  void F64(double v) {
    int64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    I64(bits);
  }
  void Str(std::string_view s) {
    U32(uint32_t(s.size()));
    out_.append(s);
  }
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}

  uint8_t U8() { return Need(1) ? uint8_t(in_[pos_++]) : 0; }
  uint32_t U32() {
    if (!Need(4)) return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(uint8_t(in_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }
  int64_t I64() {
    if (!Need(8)) return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= uint64_t(uint8_t(in_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return int64_t(v);
  }
  double F64() {
    const int64_t bits = I64();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }
  std::string Str() {
    const std::string_view v = Bytes(U32());
    return std::string(v);
  }
  // `n` bytes in place (empty, with an error, if there are not that many).
  std::string_view Bytes(size_t n) {
    if (!Need(n)) return {};
    std::string_view v = in_.substr(pos_, n);
    pos_ += n;
    return v;
  }
  // A count of items each at least `min_item_bytes` long: refused when the
  // rest of the image could not hold them, so a corrupt count cannot make
  // the reader allocate gigabytes.
  uint32_t Count(size_t min_item_bytes) {
    const uint32_t n = U32();
    if (ok() && uint64_t(n) * min_item_bytes > in_.size() - pos_) Fail("a count larger than the image");
    return ok() ? n : 0;
  }

  // What is left, for a caller that decodes it in a tight loop of its own
  // and then Skip()s what it used.
  std::string_view Rest() const { return ok() ? in_.substr(pos_) : std::string_view(); }
  void Skip(size_t n) { Bytes(n); }

  void Fail(const std::string& what) {
    if (error_.empty()) error_ = what + " at byte " + std::to_string(pos_);
  }
  bool ok() const { return error_.empty(); }
  bool done() const { return pos_ == in_.size(); }
  const std::string& error() const { return error_; }

 private:
  bool Need(size_t n) {
    if (!ok()) return false;
    if (n > in_.size() - pos_) {
      Fail("the image ends early");
      return false;
    }
    return true;
  }

  std::string_view in_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace postcheck

#endif  // POSTCHECK_IMAGE_BYTES_H_
