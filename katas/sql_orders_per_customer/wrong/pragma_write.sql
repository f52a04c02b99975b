-- expect: error
PRAGMA writable_schema = 1;
