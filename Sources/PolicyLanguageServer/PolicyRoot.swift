import Foundation

/// The policy directory of a file: the nearest folder, walking up from it, that holds `regions.yaml`.
enum PolicyRoot {
    static func of(path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("regions.yaml").path) {
                return url.path
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }
}
