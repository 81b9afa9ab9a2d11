package guide

import (
	"fmt"
	"slices"

	"knead/journal"
	"knead/routines"
)

// PersonLine is one person's standing on the welcome screen.
type PersonLine struct {
	Who  string // "You", "Anna", "your partner"
	Text string // last session, trend, and the next date or the advice
}

// People says, for everyone in the history, how their last session went,
// the trend of their pain, and the next date or the advice not to massage
// yet. Nothing without a journal.
func (f *Flow) People() []PersonLine {
	if f.journal == nil {
		return nil
	}
	all, err := f.journal.Sessions(journal.Filter{})
	if err != nil {
		return nil
	}
	byPerson := map[string][]journal.Session{}
	var order []string
	for _, s := range all {
		if _, ok := byPerson[s.Person]; !ok {
			order = append(order, s.Person)
		}
		byPerson[s.Person] = append(byPerson[s.Person], s)
	}
	var out []PersonLine
	for _, p := range order {
		sessions := byPerson[p]
		last := sessions[len(sessions)-1]
		who := routines.Clean(p) // names in the file are user text
		switch p {
		case journal.Me:
			who = "You"
		case journal.UnnamedPartner:
			who = "Your partner (no name)"
		}
		text := "last session " + last.StartedAt.Local().Format("Mon 2 Jan")
		if last.Baseline >= 0 && last.Final >= 0 {
			text += fmt.Sprintf(", pain %d → %d", last.Baseline, last.Final)
		}
		text += trend(sessions)
		if c, err := f.journal.CourseFor(p, f.clock.Now()); err == nil {
			switch {
			case c.Paused:
				text += "; no massage until the pain has settled"
				if c.Doctor && p == journal.Me {
					text += " and a doctor has seen you"
				} else if c.Doctor {
					text += " and a doctor has seen them"
				}
			case !c.SuggestedNext.IsZero():
				text += fmt.Sprintf("; next: session %d of %d, %s", c.Number, c.Of, c.SuggestedNext.Local().Format("Mon 2 Jan"))
			}
		}
		out = append(out, PersonLine{Who: who, Text: text + "."})
	}
	return out
}

// trend compares the pain after the last three sessions with the pain
// before them: better, the same or worse on the whole.
func trend(sessions []journal.Session) string {
	var change, n int
	for i := len(sessions) - 1; i >= 0 && n < 3; i-- {
		s := sessions[i]
		if s.Baseline >= 0 && s.Final >= 0 {
			change += s.Final - s.Baseline
			n++
		}
	}
	switch {
	case n < 2:
		return ""
	case change < 0:
		return fmt.Sprintf("; less pain after the last %d sessions", n)
	case change > 0:
		return fmt.Sprintf("; more pain after the last %d sessions", n)
	}
	return fmt.Sprintf("; no change over the last %d sessions", n)
}

// Partners are the named partners in the history, the one massaged most
// recently first, to offer when the name is asked.
func (f *Flow) Partners() []string {
	if f.journal == nil {
		return nil
	}
	all, err := f.journal.Sessions(journal.Filter{})
	if err != nil {
		return nil
	}
	var out []string
	for i := len(all) - 1; i >= 0; i-- {
		p := routines.Clean(all[i].Person)
		if p != journal.Me && p != journal.UnnamedPartner && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}
