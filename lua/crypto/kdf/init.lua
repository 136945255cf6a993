-- .crypto.kdf: pbkdf2(password_array, salt_array, iterations, key_length [, algorithm]).
return { _version = "0.0.1", pbkdf2 = require(".crypto.kdf.pbkdf2").pbkdf2 }
