-- Almanac's additive changes, version 1. Safe to apply to a sabre database:
-- sabre names its columns in every INSERT and SELECT, so it ignores these.
-- `almanac db upgrade` applies this file; every statement is idempotent.

-- RFC 6638 section 3.2.10 Schedule-Tag of a calendar object. NULL until the
-- scheduling engine sets it; sabre's writes leave it untouched.
ALTER TABLE calendarobjects
    ADD COLUMN IF NOT EXISTS almanac_scheduletag VARBINARY(64) NULL DEFAULT NULL;

-- Indexes for Almanac's hot queries (sabre never sees an index): the UID
-- uniqueness check of every PUT (RFC 4791 section 5.3.2.1, no-uid-conflict),
-- and the time-range prefilter of calendar-query, whose selective bound is the
-- end of the object's last occurrence (firstoccurence rides along so the
-- other bound is checked in the index, without reading rows).
CREATE INDEX IF NOT EXISTS almanac_uid ON calendarobjects (calendarid, uid);
CREATE INDEX IF NOT EXISTS almanac_occurrences ON calendarobjects (calendarid, lastoccurence, firstoccurence);

-- Outgoing iMIP mail (RFC 6047), queued inside the request's transaction and
-- sent by the delivery loop.
CREATE TABLE IF NOT EXISTS almanac_mailqueue (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sender VARBINARY(320) NOT NULL,
    recipient VARBINARY(320) NOT NULL,
    message MEDIUMBLOB NOT NULL,
    principaluri VARBINARY(100) NULL DEFAULT NULL,
    uid VARBINARY(200) NULL DEFAULT NULL,
    attempts INT UNSIGNED NOT NULL DEFAULT 0,
    nextattempt INT UNSIGNED NOT NULL,
    lasterror TEXT NULL DEFAULT NULL,
    created INT UNSIGNED NOT NULL,
    KEY nextattempt (nextattempt)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- Settings every responder on this database shares, e.g. the Digest nonce
-- secret (RFC 7616 section 3.3) when almanac.conf sets none: a nonce issued by
-- one process must be accepted by another.
CREATE TABLE IF NOT EXISTS almanac_settings (
    name VARBINARY(64) NOT NULL PRIMARY KEY,
    value VARBINARY(255) NULL DEFAULT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
