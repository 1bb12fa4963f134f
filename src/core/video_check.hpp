#pragma once
// Whether a video file an encoder says it finished is whole: an encoder can exit 0 after a write
// failed on a full disk (ffmpeg 5 reports "Error closing file" and still succeeds), leaving a
// truncated file that would replace the user's video.
#include <string_view>

namespace dorsum::core {

// MP4/MOV: the top-level boxes tile the file exactly and include 'moov' and 'mdat'.
// WebM/Matroska: an EBML header, then a Segment whose size (when known) ends at the file's end.
// Anything else, or too short: false.
bool videoBytesComplete(std::string_view bytes);

}  // namespace dorsum::core
