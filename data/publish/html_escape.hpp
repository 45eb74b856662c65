// The publisher's one HTML/XML text escape (report, history, alerts' Atom feed, fleet page, public
// pages): & < > " become entities; everything else, UTF-8 included, is kept. Any thread.
#pragma once
#include <string>
#include <string_view>

namespace bk::data::publish {

inline std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

}  // namespace bk::data::publish
