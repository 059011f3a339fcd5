import Foundation

extension Day {
    /// Today's date in China: the application date when the facts give none (`eval` and `serve`).
    /// China Standard Time is UTC+8 with no daylight saving (none since 1991), so the day is
    /// plain arithmetic: a Calendar and TimeZone per call cost more than answering did in `serve`.
    public static func todayInChina() -> Day {
        let seconds = Date().timeIntervalSince1970 + 8 * 3600
        return Day(number: Int((seconds / 86400).rounded(.down)))
    }
}
