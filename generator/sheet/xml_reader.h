// Reads XML as a stream of nodes: the one file that talks to libxml2.
// No network access and no entity expansion (the XML comes from files
// people send, e.g. the parts of an XLSX workbook).
#ifndef SAKIP_XML_READER_H_
#define SAKIP_XML_READER_H_

#include <string>

struct _xmlTextReader;

namespace sakip {

class XmlReader {
 public:
  explicit XmlReader(const std::string& bytes);  // read in place: keep it
  ~XmlReader();
  XmlReader(const XmlReader&) = delete;
  XmlReader& operator=(const XmlReader&) = delete;

  // Moves to the next node; false at the end or on malformed XML (failed()).
  bool Next();
  bool failed() const { return failed_; }

  bool IsStart() const;  // an element's start tag (or an empty element)
  bool IsEnd() const;    // an element's end tag
  bool IsEmptyElement() const;
  bool IsText() const;  // text, CDATA or significant white space
  std::string LocalName() const;
  // The attribute `name` (qualified as written, e.g. "r:id"); "" if absent.
  std::string Attribute(const char* name) const;
  std::string Value() const;  // of a text node

 private:
  _xmlTextReader* reader_ = nullptr;
  bool failed_ = false;
};

}  // namespace sakip

#endif  // SAKIP_XML_READER_H_
