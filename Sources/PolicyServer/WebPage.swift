import Foundation

/// The page for the person who is moving (`GET /`), with its script modules and style: plain
/// files under Resources/web, shipped inside the binary and read once. `index.html` is served at
/// `/`, every other file at `/NAME`.
struct WebPage: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    static let types = [
        "html": "text/html; charset=utf-8", "js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8",
    ]

    let files: [String: File]

    init() {
        var files: [String: File] = [:]
        let directory = Bundle.module.url(forResource: "web", withExtension: nil, subdirectory: "Resources")
        let names = directory.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
        for name in names {
            guard let directory, let type = Self.types[(name as NSString).pathExtension],
                let data = try? Data(contentsOf: directory.appendingPathComponent(name))
            else { continue }
            files[name == "index.html" ? "/" : "/" + name] = File(bytes: Array(data), contentType: type)
        }
        self.files = files
    }
}
