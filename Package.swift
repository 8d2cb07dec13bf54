// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "investment-warehouse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "invest-etl", targets: ["invest-etl"]),
        .executable(name: "invest-report", targets: ["invest-report"]),
        // libFuzzer target for the reader (etl/fuzz.sh); without -D FUZZING a corpus replayer.
        .executable(name: "sheet-reader-fuzz", targets: ["sheet-reader-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // glibc's mallopt, for invest-report's memory settings (Linux only).
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "PostgresClient",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SheetReader",
            resources: [.copy("Resources/synonyms.tsv")]
        ),
        .target(
            name: "Warehouse",
            dependencies: ["PostgresClient", "SheetReader", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "InvestmentQueries",
            dependencies: ["PostgresClient"]
        ),
        .target(
            name: "ReportRendering",
            dependencies: []
        ),
        .executableTarget(
            name: "invest-etl",
            dependencies: [
                "Warehouse", "SheetReader", "PostgresClient", "ReportRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "invest-report",
            dependencies: [
                "InvestmentQueries", "ReportRendering", "PostgresClient",
                .target(name: "CMalloc", condition: .when(platforms: [.linux])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "sheet-reader-fuzz", dependencies: ["SheetReader"]),
        // Test-only helpers: throwaway databases on the server that etl/test.sh starts.
        .target(name: "TestSupport", dependencies: ["PostgresClient", "Warehouse"], path: "Tests/TestSupport"),
        .testTarget(name: "PostgresClientTests", dependencies: ["PostgresClient", "TestSupport"]),
        .testTarget(name: "SheetReaderTests", dependencies: ["SheetReader"], resources: [.copy("Fixtures")]),
        .testTarget(name: "WarehouseTests", dependencies: ["Warehouse", "SheetReader", "TestSupport"]),
        .testTarget(name: "InvestmentQueriesTests", dependencies: ["InvestmentQueries", "Warehouse", "TestSupport"]),
        .testTarget(name: "ReportRenderingTests", dependencies: ["ReportRendering"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["TestSupport", "Warehouse", "SheetReader", "PostgresClient"]),
    ],
    swiftLanguageModes: [.v6]
)
