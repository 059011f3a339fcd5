import DecisionTable

/// Working days from the statutory calendars: Mon–Fri, minus holidays, plus 调休 working days.
/// Precomputed as running counts over the covered days, so adding N working days is a lookup.
struct WorkingCalendar: Sendable {
    /// First day of the first covered year; coverage is contiguous from there (gaps end it).
    private let base: Int
    /// ordinal[i]: working days in (base-1, base+i], i.e. counted up to and including day base+i.
    private let ordinal: [Int32]
    /// dayOf[k]: the day offset (from base) of the k-th working day (k from 1).
    private let dayOf: [Int32]
    /// The covered years whose calendar is provisional.
    private let provisionalYears: Set<Int>

    init(_ calendars: [CalendarYear]) {
        let years = calendars.map(\.year).sorted()
        // Only the leading run of consecutive years is used: a due date cannot jump over a missing year.
        var covered: [Int] = []
        for y in years where covered.isEmpty || y == covered.last! + 1 { covered.append(y) }
        provisionalYears = Set(calendars.filter { $0.provisional == true && covered.contains($0.year) }.map(\.year))
        let holidays = Set(calendars.filter { covered.contains($0.year) }.flatMap(\.holidays))
        let workdays = Set(calendars.filter { covered.contains($0.year) }.flatMap(\.workdays))
        guard let first = covered.first, let last = covered.last,
            let start = Day(year: first, month: 1, day: 1), let end = Day(year: last, month: 12, day: 31)
        else {
            base = 0
            ordinal = []
            dayOf = []
            return
        }
        base = start.number
        var ordinal: [Int32] = []
        var dayOf: [Int32] = [-1]
        var count: Int32 = 0
        for n in start.number...end.number {
            let day = Day(number: n)
            if workdays.contains(day) || (!day.isWeekend && !holidays.contains(day)) {
                count += 1
                dayOf.append(Int32(n - base))
            }
            ordinal.append(count)
        }
        self.ordinal = ordinal
        self.dayOf = dayOf
    }

    /// The date N working days after `start`, not counting the start day; nil when the result or
    /// the start lies outside the covered years.
    func adding(workingDays n: Int, to start: Day) -> Day? {
        let i = start.number - base
        guard i >= 0, i < ordinal.count else { return nil }
        if n == 0 { return start }
        let k = Int(ordinal[i]) + n
        guard k < dayOf.count else { return nil }
        return Day(number: base + Int(dayOf[k]))
    }

    /// Whether counting from `start` to `due` crossed a year whose calendar is provisional.
    func isProvisional(from start: Day, to due: Day) -> Bool {
        !provisionalYears.isEmpty && (start.year...max(start.year, due.year)).contains { provisionalYears.contains($0) }
    }
}
