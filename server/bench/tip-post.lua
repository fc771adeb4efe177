-- wrk script: a small metadata-only tip POST (multipart/form-data, no media).
local boundary = "wrkTipfloodBoundary"
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = "--" .. boundary .. "\r\n"
  .. "Content-Disposition: form-data; name=\"metadata\"\r\n"
  .. "Content-Type: application/json\r\n\r\n"
  .. "{\"description\":\"crowd at Main and Akard\",\"lat\":32.779,\"lon\":-96.8003,"
  .. "\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":\"wrk-device-1\"}\r\n"
  .. "--" .. boundary .. "--\r\n"

local non201 = 0
function response(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("non-201 answers: %d (per-thread counters are not merged by wrk; see errors above)\n", non201))
end
