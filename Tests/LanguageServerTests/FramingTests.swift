import Foundation
import LanguageServerProtocol
import Testing

@Test func framerCutsMessagesAcrossReads() throws {
    var framer = MessageFramer()
    let first = MessageFramer.frame(Data(#"{"a":1}"#.utf8))
    let second = MessageFramer.frame(Data(#"{"b":"南京"}"#.utf8))
    let stream = first + second
    framer.append(stream.prefix(5))
    #expect(try framer.next() == nil)
    framer.append(stream.dropFirst(5))
    #expect(try framer.next() == Data(#"{"a":1}"#.utf8))
    #expect(try framer.next() == Data(#"{"b":"南京"}"#.utf8))
    #expect(try framer.next() == nil)
}
