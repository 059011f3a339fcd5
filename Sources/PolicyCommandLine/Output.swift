import ArgumentParser
import Foundation
import PolicyDiagnostics

// Every byte policyc writes to standard output or standard error goes through here: a full disk
// (`> /dev/full`) or a closed descriptor is reported and ends the command with status 2, instead
// of trapping inside FileHandle.

/// Writes to standard output; when that fails, says why on standard error and exits 2 (by throwing).
func writeOut(_ text: String) throws {
    var text = text
    try text.withUTF8 { try writeOut(UnsafeRawBufferPointer($0)) }
}

func writeOut(_ data: Data) throws {
    try data.withUnsafeBytes { try writeOut($0) }
}

private func writeOut(_ bytes: UnsafeRawBufferPointer) throws {
    do {
        try SystemFile.write(fd: 1, name: "standard output", bytes)
    } catch {
        printError("policyc: \(SystemFile.wording(of: error))")
        throw ExitStatus.usage.exitCode
    }
}

/// Writes readable text (an answer, a report) to standard output with its control characters
/// escaped (TerminalText): the values it quotes came from applicants and policy files.
func writeHuman(_ text: String) throws { try writeOut(TerminalText.escaped(text)) }

/// Writes a message in the run's language (and a newline) to standard error.
func printError(_ message: Message) { printErrorText(message.text(in: RunLanguage.current)) }

/// Writes text (and a newline) to standard error. When even that fails there is nowhere left
/// to say why, so policyc exits 2 at once.
func printErrorText(_ text: String) {
    // Every message to standard error may quote facts or file contents: escaped for the terminal.
    var line = TerminalText.escaped(text.hasSuffix("\n") ? text : text + "\n")
    let written = line.withUTF8 { bytes -> Bool in
        (try? SystemFile.write(fd: 2, name: "standard error", UnsafeRawBufferPointer(bytes))) != nil
    }
    if !written { Foundation.exit(ExitStatus.usage.rawValue) }
}
