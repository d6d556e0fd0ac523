-- Almanac: the sabre/dav 4.x tables, written for MariaDB / MySQL.
--
-- These are the tables sabre/dav 4.7's PDO backends read and write. Almanac
-- serves them unchanged, so a database created here can be handed back to
-- sabre, and a sabre database can be served by Almanac. Column types,
-- nullability, defaults and keys follow the sabre 4.x contract (see README) exactly;
-- `almanac db check` compares a live database against the same contract.
-- The CardDAV tables are created too: Almanac does not serve them yet, but a
-- sabre installation expects them.

CREATE TABLE users (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username VARBINARY(50),
    digesta1 VARBINARY(32),
    UNIQUE KEY username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE principals (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri VARBINARY(200) NOT NULL,
    email VARBINARY(80),
    displayname VARCHAR(80),
    UNIQUE KEY uri (uri)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE groupmembers (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    principal_id INT UNSIGNED NOT NULL,
    member_id INT UNSIGNED NOT NULL,
    UNIQUE KEY principal_id (principal_id, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE calendars (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    synctoken INT UNSIGNED NOT NULL DEFAULT 1,
    components VARBINARY(21)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE calendarinstances (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    calendarid INT UNSIGNED NOT NULL,
    principaluri VARBINARY(100),
    access TINYINT(1) NOT NULL DEFAULT 1 COMMENT '1 = owner, 2 = read, 3 = readwrite',
    displayname VARCHAR(100),
    uri VARBINARY(200),
    description TEXT,
    calendarorder INT UNSIGNED NOT NULL DEFAULT 0,
    calendarcolor VARBINARY(10),
    timezone TEXT,
    transparent TINYINT(1) NOT NULL DEFAULT 0,
    share_href VARBINARY(100),
    share_displayname VARCHAR(100),
    share_invitestatus TINYINT(1) NOT NULL DEFAULT 2 COMMENT '1 = noresponse, 2 = accepted, 3 = declined, 4 = invalid',
    UNIQUE KEY principaluri (principaluri, uri),
    UNIQUE KEY calendarid (calendarid, principaluri),
    UNIQUE KEY calendarid_2 (calendarid, share_href)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE calendarobjects (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    calendardata MEDIUMBLOB,
    uri VARBINARY(200),
    calendarid INT UNSIGNED NOT NULL,
    lastmodified INT UNSIGNED,
    etag VARBINARY(32),
    size INT UNSIGNED NOT NULL,
    componenttype VARBINARY(8),
    firstoccurence INT UNSIGNED,
    lastoccurence INT UNSIGNED,
    uid VARBINARY(200),
    UNIQUE KEY calendarid (calendarid, uri),
    KEY calendarid_time (calendarid, firstoccurence)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE calendarchanges (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri VARBINARY(200) NOT NULL,
    synctoken INT UNSIGNED NOT NULL,
    calendarid INT UNSIGNED NOT NULL,
    operation TINYINT(1) NOT NULL,
    KEY calendarid_synctoken (calendarid, synctoken)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE calendarsubscriptions (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri VARBINARY(200) NOT NULL,
    principaluri VARBINARY(100) NOT NULL,
    source TEXT,
    displayname VARCHAR(100),
    refreshrate VARCHAR(10),
    calendarorder INT UNSIGNED NOT NULL DEFAULT 0,
    calendarcolor VARBINARY(10),
    striptodos TINYINT(1),
    stripalarms TINYINT(1),
    stripattachments TINYINT(1),
    lastmodified INT UNSIGNED,
    UNIQUE KEY principaluri (principaluri, uri)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE schedulingobjects (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    principaluri VARBINARY(255),
    calendardata MEDIUMBLOB,
    uri VARBINARY(200),
    lastmodified INT UNSIGNED,
    etag VARBINARY(32),
    size INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE propertystorage (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    path VARBINARY(1024) NOT NULL,
    name VARBINARY(100) NOT NULL,
    valuetype INT UNSIGNED,
    value MEDIUMBLOB,
    UNIQUE KEY path_property (path(600), name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE locks (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner VARCHAR(100),
    timeout INT UNSIGNED,
    created INT,
    token VARBINARY(100),
    scope TINYINT,
    depth TINYINT,
    uri VARBINARY(1000),
    KEY token (token),
    KEY uri (uri(100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE addressbooks (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    principaluri VARBINARY(255),
    displayname VARCHAR(255),
    uri VARBINARY(200),
    description TEXT,
    synctoken INT UNSIGNED NOT NULL DEFAULT 1,
    UNIQUE KEY principaluri (principaluri(100), uri(100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE cards (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    addressbookid INT UNSIGNED NOT NULL,
    carddata MEDIUMBLOB,
    uri VARBINARY(200),
    lastmodified INT UNSIGNED,
    etag VARBINARY(32),
    size INT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE addressbookchanges (
    id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    uri VARBINARY(200) NOT NULL,
    synctoken INT UNSIGNED NOT NULL,
    addressbookid INT UNSIGNED NOT NULL,
    operation TINYINT(1) NOT NULL,
    KEY addressbookid_synctoken (addressbookid, synctoken)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
