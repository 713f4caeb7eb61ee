import imppkg.missing_thing
