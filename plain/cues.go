package plain

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"knead/coach"
	"knead/guide"
	"knead/routines"
)

// parsePain reads 0–10 (t also means 10, as in the full-screen app).
func parsePain(s string) (int, bool) {
	if s == "t" {
		return 10, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 10 {
		return 0, false
	}
	return n, true
}

// sayCues prints one line per cue worth saying.
func sayCues(p *Prompter, cues []coach.Cue, partner bool) {
	switched := slices.ContainsFunc(cues, func(c coach.Cue) bool { return c.Kind == coach.CueSideSwitch })
	for _, c := range cues {
		switch c.Kind {
		case coach.CueStepStart:
			side := ""
			if c.Side != "" && !switched {
				side = fmt.Sprintf(" Start on the %s side.", c.Side)
			}
			p.Say("Step %d: %s, %s. %s%s", c.Step+1, c.Title, routines.HumanDuration(time.Duration(c.Duration)*time.Second), c.Text, side)
		case coach.CueSideSwitch:
			p.Say("%s.", guide.SideWords(c.Side, partner))
		case coach.CueTenSeconds:
			p.Say("10 seconds left.")
		case coach.CueStepEnd:
			p.Say("Step %d done.", c.Step+1)
		case coach.CueRestStart:
			p.Say("Massage done. Rest for %s. %s", routines.HumanDuration(time.Duration(c.Duration)*time.Second), c.Text)
		case coach.CueRestEnd:
			p.Say("Rest done.")
		case coach.CueGap:
			p.Say("The clock jumped: the step was paused.")
		}
	}
}

// clock formats a duration as M:SS, rounding up.
func clock(d time.Duration) string {
	secs := shownSeconds(d)
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}
