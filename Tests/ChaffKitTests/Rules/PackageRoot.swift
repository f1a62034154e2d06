import Foundation

/// The package's root folder (where `Package.swift` is), found from this file's path, for tests
/// that read `rules/` and the fixtures.
enum PackageRoot {
    static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()
}
