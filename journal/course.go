package journal

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"knead/coach"
	"knead/routines"
)

// Course rules, from the source articles.
const (
	// CourseGap: a longer pause between two sessions starts a new course.
	CourseGap = 21 * 24 * time.Hour
	// CourseLength is the usual course (001: "10-15 procedures"; 002).
	CourseLength = 10
	// CourseMax is the longest course before a break (002: "after the
	// session, a break of several weeks is required").
	CourseMax = 15
)

// Past is what course planning needs of an earlier session.
type Past struct {
	StartedAt       time.Time
	Baseline, Final int // -1 when not given
	// Unmassaged: the session ended before any massage; it does not count
	// toward the course (its first, shorter sessions are for real ones).
	Unmassaged  bool
	Outcome     string
	StopReason  string
	PainStop    bool
	WarningSign bool
	// Person is who was massaged, as the journal names them ("me",
	// "partner" or a name), so that advice speaks of them.
	Person string
}

func (p Past) facts() coach.Facts {
	return coach.Facts{Outcome: coach.Outcome(p.Outcome), StopReason: p.StopReason, PainStop: p.PainStop,
		WarningSign: p.WarningSign, Baseline: p.Baseline, Final: p.Final, Person: addressee(p.Person)}
}

// addressee is how advice speaks of a person of the journal: "" for
// oneself, "your partner" for a partner without a name, else the name.
func addressee(person string) string {
	switch person {
	case Me, "":
		return ""
	case UnnamedPartner:
		return "your partner"
	}
	return routines.Clean(person) // a name is user text, read from the file
}

// Course says where the next session stands in its course.
type Course struct {
	Number        int // the next session's number in its course, from 1
	Of            int // the course length to show: 10, or 15 past ten
	LastAt        time.Time
	DaysSinceLast int // -1 when there was no session before
	SuggestedNext time.Time
	// Paused says the last session stopped for pain or a warning sign, or
	// left more pain than it found: no next session is suggested, and the
	// next start asks whether the pain has settled. Last says what
	// happened, in words.
	Paused bool
	// Doctor says the last session's advice sends to a doctor first.
	Doctor bool
	Last   string
	Advice []string
	// pauseAdvice is how many of the last Advice lines are about the pause.
	pauseAdvice int
}

// Settled is the course once the person says the pain has settled since
// the session that paused it: no longer paused, and its advice no longer
// says so.
func (c Course) Settled() Course {
	if !c.Paused {
		return c
	}
	c.Advice = append(slices.Clone(c.Advice[:len(c.Advice)-c.pauseAdvice]),
		"The pain has settled since the last session ("+c.Last+"): go gently, and stop at once if it rises.")
	c.Paused, c.Doctor, c.pauseAdvice = false, false, 1
	return c
}

// PlanCourse works out the next session's place in its course at now.
func PlanCourse(past []Past, now time.Time) Course {
	var sorted []Past
	var latest *Past
	for i, p := range past {
		if latest == nil || p.StartedAt.After(latest.StartedAt) {
			latest = &past[i]
		}
		if !p.Unmassaged {
			sorted = append(sorted, p)
		}
	}
	// Even a session that never reached its first step (pain too strong
	// before it) pauses the course.
	pause := func(c *Course) {
		if latest == nil || !latest.facts().PausesCourse() {
			return
		}
		before := len(c.Advice)
		c.Paused, c.SuggestedNext, c.LastAt = true, time.Time{}, latest.StartedAt
		c.Doctor = latest.facts().NeedsDoctor()
		c.Last = lastInWords(*latest)
		c.Advice = append(c.Advice, "Last session, on "+latest.StartedAt.Local().Format("Mon 2 Jan")+", "+c.Last+". The course pauses until the pain has settled.")
		// The stop and its reason are said above; the rest of the advice
		// follows, each sentence once.
		for _, a := range coach.Advise(latest.facts()) {
			if !strings.HasPrefix(a, "The session was stopped") {
				c.Advice = append(c.Advice, a)
			}
		}
		c.pauseAdvice = len(c.Advice) - before
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].StartedAt.Before(sorted[j].StartedAt) })
	c := Course{Number: 1, Of: CourseLength, DaysSinceLast: -1}
	if len(sorted) == 0 {
		pause(&c)
		return c
	}
	inCourse := 0
	for i, p := range sorted {
		if i == 0 || p.StartedAt.Sub(sorted[i-1].StartedAt) > CourseGap {
			inCourse = 0
		}
		inCourse++
	}
	last := sorted[len(sorted)-1]
	c.LastAt = last.StartedAt
	c.DaysSinceLast = int(now.Sub(last.StartedAt).Hours() / 24)
	if now.Sub(last.StartedAt) > CourseGap {
		return c // a new course
	}
	c.Number = inCourse + 1
	if c.Number > CourseLength {
		c.Of = CourseMax
	}
	// 001: daily courses of about ten sessions, or preventive courses with
	// 2-3 days between sessions; past ten, knead suggests the latter.
	gap := 24 * time.Hour
	if c.Number > CourseLength {
		gap = 2 * 24 * time.Hour
	}
	c.SuggestedNext = last.StartedAt.Add(gap)
	if c.Number > CourseMax {
		c.Advice = append(c.Advice, fmt.Sprintf("This course has had %d sessions: take a break of several weeks before the next course.", inCourse))
	}
	worse := 0
	for _, p := range sorted[max(len(sorted)-3, 0):] {
		if p.Baseline >= 0 && p.Final >= 0 && p.Final-p.Baseline >= 2 {
			worse++
		}
	}
	if worse >= 2 {
		c.Advice = append(c.Advice, "Pain after the session was 2 or more points higher than before in two of the last three sessions: pause the course and see a doctor before the next session.")
	}
	pause(&c)
	return c
}

// lastInWords says how a session that paused the course went.
func lastInWords(p Past) string {
	var parts []string
	if p.Outcome == string(coach.Stopped) && p.StopReason != "" {
		parts = append(parts, "stopped: "+coach.Whose(p.StopReason, addressee(p.Person)))
	}
	if p.Baseline >= 0 && p.Final >= 0 {
		parts = append(parts, fmt.Sprintf("pain %d before, %d after", p.Baseline, p.Final))
	}
	if len(parts) == 0 {
		return string(p.Outcome)
	}
	return strings.Join(parts, "; ")
}

// CourseFor plans the next session of a person from the journal.
func (s *Store) CourseFor(person string, now time.Time) (Course, error) {
	sessions, err := s.Sessions(Filter{Person: person})
	if err != nil {
		return Course{}, err
	}
	past := make([]Past, len(sessions))
	for i, x := range sessions {
		past[i] = Past{StartedAt: x.StartedAt, Baseline: x.Baseline, Final: x.Final, Unmassaged: !x.Massaged(),
			Outcome: x.Outcome, StopReason: x.StopReason, PainStop: x.PainStop, WarningSign: x.WarningSign, Person: x.Person}
	}
	return PlanCourse(past, now), nil
}
