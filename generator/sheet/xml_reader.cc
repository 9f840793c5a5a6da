#include "xml_reader.h"

#include <libxml/xmlreader.h>

namespace sakip {
namespace {

std::string Take(xmlChar* text) {
  if (!text) return "";
  std::string out(reinterpret_cast<const char*>(text));
  xmlFree(text);
  return out;
}

// libxml2 prints problems to stderr by default; they become failed().
void Silent(void*, const char*, ...) {}

}  // namespace

XmlReader::XmlReader(const std::string& bytes) {
  xmlSetGenericErrorFunc(nullptr, Silent);
  reader_ = xmlReaderForMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
      XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  failed_ = reader_ == nullptr;
}

XmlReader::~XmlReader() {
  if (reader_) xmlFreeTextReader(reader_);
}

bool XmlReader::Next() {
  if (failed_) return false;
  int result = xmlTextReaderRead(reader_);
  if (result < 0) failed_ = true;
  return result == 1;
}

bool XmlReader::IsStart() const {
  return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_ELEMENT;
}

bool XmlReader::IsEnd() const {
  return xmlTextReaderNodeType(reader_) == XML_READER_TYPE_END_ELEMENT;
}

bool XmlReader::IsEmptyElement() const {
  return xmlTextReaderIsEmptyElement(reader_) == 1;
}

bool XmlReader::IsText() const {
  int type = xmlTextReaderNodeType(reader_);
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

std::string XmlReader::LocalName() const {
  const xmlChar* name = xmlTextReaderConstLocalName(reader_);
  return name ? reinterpret_cast<const char*>(name) : "";
}

std::string XmlReader::Attribute(const char* name) const {
  return Take(xmlTextReaderGetAttribute(
      reader_, reinterpret_cast<const xmlChar*>(name)));
}

std::string XmlReader::Value() const {
  const xmlChar* value = xmlTextReaderConstValue(reader_);
  return value ? reinterpret_cast<const char*>(value) : "";
}

}  // namespace sakip
