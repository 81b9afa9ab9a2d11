package guide

import (
	"fmt"
	"strings"

	"knead/coach"
	"knead/journal"
)

// AfterNotes is what the summary teaches beyond its numbers: how the pain
// went through the session, the change against the last session with the
// same person, the aftercare, and where the course stands with the next
// date. After a stop, or a session that left more pain, the summary's
// advice says what to do and the notes add no advice that could disagree.
func (f *Flow) AfterNotes() []string {
	sum := f.Summary()
	if f.Routine() == nil || sum.Outcome == "" {
		return nil
	}
	var notes []string
	if len(sum.Ratings) > 1 && !f.rehearsal { // a rehearsal's ratings are made up

		var pains []string
		for _, r := range sum.Ratings {
			pains = append(pains, fmt.Sprint(r.Pain))
		}
		notes = append(notes, "Pain through the session: "+strings.Join(pains, ", ")+".")
	}
	if prev, ok := f.previousSession(sum); ok {
		notes = append(notes, fmt.Sprintf("Last time (%s): pain %d before, %d after.", prev.StartedAt.Local().Format("Mon 2 Jan"), prev.Baseline, prev.Final))
	}
	facts := coach.Facts{Outcome: sum.Outcome, StopReason: sum.StopReason, PainStop: sum.PainStop, WarningSign: sum.WarningSign, Baseline: sum.Baseline, Final: sum.Final}
	if facts.PausesCourse() || f.rehearsal {
		return notes
	}
	rest := f.Routine().Aftercare
	care := strings.TrimSpace(rest.Advice)
	if care != "" && !strings.HasSuffix(care, ".") {
		care += "."
	}
	roll := "Roll onto your side first to get up."
	if f.Partner() {
		roll = fmt.Sprintf("To get up, %s rolls onto the side first.", f.who())
	}
	notes = append(notes, strings.TrimSpace("Aftercare: "+care+" "+roll))
	if f.journal != nil && f.remembered() != "" {
		if c, err := f.journal.CourseFor(f.remembered(), f.clock.Now()); err == nil && !c.Paused {
			line := fmt.Sprintf("This was session %d of a course of %d.", max(c.Number-1, 1), c.Of)
			if !c.SuggestedNext.IsZero() {
				line += " Next session: " + c.SuggestedNext.Local().Format("Mon 2 Jan") + " (daily; or every 2–3 days for a preventive course)."
			}
			notes = append(notes, line)
		}
	}
	return notes
}

// previousSession is the last session with the same person before this
// one that has the pain before and after.
func (f *Flow) previousSession(sum coach.Summary) (journal.Session, bool) {
	who := f.remembered()
	if f.journal == nil || who == "" || f.rehearsal {
		return journal.Session{}, false
	}
	past, err := f.journal.Sessions(journal.Filter{Person: who})
	if err != nil {
		return journal.Session{}, false
	}
	for i := len(past) - 1; i >= 0; i-- {
		p := past[i]
		if p.StartedAt.Before(sum.StartedAt) && p.Baseline >= 0 && p.Final >= 0 {
			return p, true
		}
	}
	return journal.Session{}, false
}
