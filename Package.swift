// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "almanac", targets: ["almanac"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Pure libraries: no I/O, no clock.
        .target(name: "ICalendar"),
        .target(name: "ITIP", dependencies: ["ICalendar"]),
        .target(name: "DAVXML"),
        .target(name: "Storage"),
        // The transport-neutral engine.
        .target(
            name: "CalDAV",
            dependencies: [
                "ICalendar", "ITIP", "DAVXML", "Storage",
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The edge: database, FastCGI, mail.
        .systemLibrary(
            name: "CMariaDB", pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]),
        .target(
            name: "MariaDBStore",
            dependencies: ["Storage", "CMariaDB", .product(name: "Logging", package: "swift-log")]),
        .systemLibrary(name: "CFastCGI", pkgConfig: "fcgi", providers: [.apt(["libfcgi-dev"])]),
        .target(
            name: "FastCGIFront",
            dependencies: ["CalDAV", "CFastCGI", .product(name: "Logging", package: "swift-log")]),
        .systemLibrary(
            name: "CCurl", pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "IMIP",
            dependencies: [
                "ICalendar", "ITIP", "CCurl",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates")]),
        .executableTarget(
            name: "almanac",
            dependencies: [
                "CalDAV", "MariaDBStore", "FastCGIFront", "IMIP", "Storage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(name: "ICalendarTests", dependencies: ["ICalendar"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ITIPTests", dependencies: ["ITIP", "ICalendar"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DAVXMLTests", dependencies: ["DAVXML"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage"]),
        .testTarget(
            name: "CalDAVTests", dependencies: ["CalDAV", "Storage", "ICalendar", "DAVXML"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MariaDBStoreTests", dependencies: ["MariaDBStore", "Storage", "CalDAV"]),
        .testTarget(name: "FastCGIFrontTests", dependencies: ["FastCGIFront", "CalDAV"]),
        .testTarget(name: "IMIPTests", dependencies: ["IMIP", "ICalendar", "ITIP"], resources: [.copy("Fixtures")]),
        .testTarget(name: "AlmanacTests", dependencies: ["almanac", "CalDAV", "Storage", "IMIP", "ITIP", "ICalendar"]),
    ]
)
