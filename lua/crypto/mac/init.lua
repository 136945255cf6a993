-- .crypto.mac: createHmac(data_stream, key_array [, algorithm]).
return { _version = "0.0.1", createHmac = require(".crypto.mac.hmac").hmac }
