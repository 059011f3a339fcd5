import Foundation

/// `file://` URIs and the paths the loader uses, both ways.
enum FileURI {
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
