import DecisionTable
import PolicyDiagnostics
import PolicySyntax

/// Checks calendars: one file per year, holidays on weekdays, 调休 working days on weekends.
enum ValidateCalendars {
    static func run(_ decls: [CalendarDecl], citations: inout SourceCitations, diagnostics: inout [Diagnostic])
        -> [CalendarYear]
    {
        var years: [Int: String] = [:]
        var result: [CalendarYear] = []
        for c in decls {
            let year = c.year.value
            if let other = years[year] {
                diagnostics.append(
                    .error(
                        .duplicateID, "year \(year) has a second calendar", at: c.year.span,
                        notes: [DiagnosticNote("the first is \(other)")]))
                continue
            }
            years[year] = c.path
            let sources = citations.check(
                c.sources, owner: "calendar \(year)", span: c.year.span,
                diagnostics: &diagnostics)
            var ok = true
            func check(_ days: [Located<Day>], weekend: Bool, what: Message) {
                var seen: Set<Day> = []
                for d in days {
                    if d.value.year != year {
                        ok = false
                        diagnostics.append(.error(.calendarDay, "\(d.value) is not in \(year)", at: d.span))
                    } else if d.value.isWeekend != weekend {
                        ok = false
                        diagnostics.append(
                            .error(
                                .calendarDay, "\(what) \(d.value) falls on a \(weekend ? "weekday" : "weekend")",
                                at: d.span,
                                help: weekend
                                    ? "workdays lists weekend days that are working days (调休)"
                                    : "holidays lists weekdays that are days off; weekends are off already"))
                    } else if !seen.insert(d.value).inserted {
                        ok = false
                        diagnostics.append(.error(.calendarDay, "\(what) \(d.value) is listed twice", at: d.span))
                    }
                }
            }
            check(c.holidays, weekend: false, what: "holiday")
            check(c.workdays, weekend: true, what: "working day")
            let provisional = c.provisional?.value ?? false
            if provisional && (c.note?.value ?? "").isEmpty {
                ok = false
                diagnostics.append(
                    .error(
                        .missingKey, "provisional calendar \(year) has no note", at: c.provisional!.span,
                        help:
                            "add note: saying what the calendar rests on and how to replace it when the notice appears")
                )
            }
            if ok {
                result.append(
                    CalendarYear(
                        year: year, holidays: c.holidays.map(\.value).sorted(),
                        workdays: c.workdays.map(\.value).sorted(), sources: sources, provisional: provisional,
                        note: provisional ? c.note?.value : nil))
            }
        }
        return result.sorted { $0.year < $1.year }
    }
}
