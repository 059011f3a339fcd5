import DecisionTable

/// Working days from the statutory calendars: Mon–Fri, minus holidays, plus 调休 working days.
struct WorkingCalendar: Sendable {
    private var holidays: Set<Day> = []
    private var workdays: Set<Day> = []
    private var years: Set<Int> = []

    init(_ calendars: [CalendarYear]) {
        for c in calendars {
            years.insert(c.year)
            holidays.formUnion(c.holidays)
            workdays.formUnion(c.workdays)
        }
    }

    func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        return !day.isWeekend && !holidays.contains(day)
    }

    /// The date N working days after `start`, not counting the start day; nil when any day
    /// on the way lies in a year the calendars do not cover.
    func adding(workingDays n: Int, to start: Day) -> Day? {
        guard years.contains(start.year) else { return nil }
        var day = start
        var remaining = n
        while remaining > 0 {
            day = day.adding(days: 1)
            guard years.contains(day.year) else { return nil }
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    var coveredYears: [Int] { years.sorted() }
}
