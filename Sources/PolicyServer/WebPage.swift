import Foundation

/// The page for the person who is moving (`GET /`), with its script and style: plain files under
/// Resources/web, shipped inside the binary and read once.
struct WebPage: Sendable {
    struct File: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    let files: [String: File]

    init() {
        var files: [String: File] = [:]
        for (path, name, ext, type) in [
            ("/", "index", "html", "text/html; charset=utf-8"),
            ("/app.js", "app", "js", "text/javascript; charset=utf-8"),
            ("/style.css", "style", "css", "text/css; charset=utf-8"),
        ] {
            if let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources/web"),
                let data = try? Data(contentsOf: url)
            {
                files[path] = File(bytes: Array(data), contentType: type)
            }
        }
        self.files = files
    }
}
