import Foundation
import Testing

/// A client that allows it gets a watcher of the YAML files registered; a file changed on disk by
/// another tool (a git checkout) is then recompiled like an edit, though it is not open.
@Test func filesChangedOnDiskAreRecompiledWhenTheClientWatchesThem() throws {
    let policies = try ScratchPolicies()
    let watching: [String: Any] = ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]]
    let client = TestClient(capabilities: watching)
    let registration = try #require(
        client.outbox.messages.first { ($0["method"] as? String) == "client/registerCapability" })
    let registrations = (registration["params"] as? [String: Any])?["registrations"] as? [[String: Any]]
    #expect(registrations?.first?["method"] as? String == "workspace/didChangeWatchedFiles")
    #expect(registration["id"] != nil, "a request, answered by the client")

    client.open(policies.uri("cities/nanjing.yaml"), try policies.text("cities/nanjing.yaml"))
    let zhengzhou = policies.path("cities/zhengzhou.yaml")
    let text = try String(contentsOfFile: zhengzhou, encoding: .utf8)
    try text.replacingOccurrences(of: "sources: [SEED0, SEED1]", with: "sources: [SEED0, SEED9]")
        .write(toFile: zhengzhou, atomically: true, encoding: .utf8)
    let uri = policies.uri("cities/zhengzhou.yaml")
    #expect(client.diagnostics(uri) == nil, "nothing is published before the client reports the change")
    client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": uri, "type": 2]]])
    client.server.flush()
    let published = try #require(client.diagnostics(uri))
    #expect(published.contains { $0["code"] as? String == "E0203" }, "\(published)")
}

@Test func noWatcherIsRegisteredWithAClientThatCannotTakeIt() {
    let client = TestClient()
    #expect(!client.outbox.messages.contains { ($0["method"] as? String) == "client/registerCapability" })
}
