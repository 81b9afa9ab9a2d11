package routines

import (
	"fmt"
	"regexp"
	"time"
)

// Limits every routine must keep, from the source articles.
const (
	MinStep = 5 * time.Second
	MaxStep = 20 * time.Minute
	// MaxBack is the longest back routine: seed 000, "the total duration of
	// the massage is no more than 15 minutes".
	MaxBack = 15 * time.Minute
	// MaxLumbar is the longest lumbar routine: seed 001, "one massage
	// session can last from 10 to 40 minutes".
	MaxLumbar = 40 * time.Minute
	MinTempo  = 100 * time.Millisecond
	MaxRest   = 30 * time.Minute
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validate applies the rules that go beyond the file's shape. pos maps value
// paths to lines (see decoder).
func validate(r *Routine, pos map[string]int, ps *problems) {
	if r.ID != "" && !idPattern.MatchString(r.ID) {
		ps.add(pos["id"], "id %q must be lowercase letters, digits and single dashes, like lumbar-self", r.ID)
	}
	for i, s := range r.Steps {
		validateStep(s, i, pos, ps)
	}
	if len(r.Steps) > 0 {
		first, last := r.Steps[0], r.Steps[len(r.Steps)-1]
		if first.Technique != "" && first.Technique != Stroking {
			ps.add(pos["steps[0].technique"], "a routine begins with stroking to warm the muscles (“Therapeutic back massage” and “Massage for back pain”), but step 1 is %s", first.Technique)
		}
		if last.Technique != "" && last.Technique != Stroking && last.Technique != Patting {
			n := len(r.Steps) - 1
			ps.add(pos[fmt.Sprintf("steps[%d].technique", n)], "a routine ends with stroking or patting (“Therapeutic back massage” and “Massage for back pain”), but step %d is %s", n+1, last.Technique)
		}
	}
	limit := map[Area]time.Duration{AreaBack: MaxBack, AreaLumbar: MaxLumbar}[r.Area]
	if total := r.Total(); limit > 0 && total > limit {
		source := map[Area]string{AreaBack: "“Therapeutic back massage”", AreaLumbar: "“Massage for back pain”"}[r.Area]
		ps.add(pos["steps"], "a %s routine lasts at most %s (%s), but these steps add up to %s", r.Area, HumanDuration(limit), source, HumanDuration(total))
	}
	validateSafety(r, pos, ps)
	if rest, ok := pos["aftercare.rest"]; ok && r.Aftercare.Rest > MaxRest {
		ps.add(rest, "aftercare rest is at most %s (“Therapeutic massage of the lumbosacral spine” advises 10–20 minutes)", HumanDuration(MaxRest))
	}
}

func validateStep(s Step, i int, pos map[string]int, ps *problems) {
	at := func(key string) int {
		if line, ok := pos[fmt.Sprintf("steps[%d].%s", i, key)]; ok {
			return line
		}
		return pos[fmt.Sprintf("steps[%d]", i)]
	}
	if s.Duration != 0 && (s.Duration < MinStep || s.Duration > MaxStep) {
		ps.add(at("duration"), "step %d lasts %s, outside 5 s to 20 min", i+1, HumanDuration(s.Duration))
	}
	if s.Cue == "" {
		ps.add(at("cue"), "step %d needs a cue: one or two sentences on where to put the hands and how to move", i+1)
	}
	if s.Side != "" && s.SwitchSides {
		ps.add(at("side"), "step %d both works one side (side: %s) and switches sides at half time; keep one of them", i+1, s.Side)
	}
	if s.Tempo != 0 {
		if s.Tempo < MinTempo {
			ps.add(at("tempo"), "step %d tempo %s is shorter than %s", i+1, s.Tempo, MinTempo)
		} else if s.Duration != 0 && s.Tempo > s.Duration {
			ps.add(at("tempo"), "step %d tempo %s (time per pass) is longer than the step itself (%s)", i+1, HumanDuration(s.Tempo), HumanDuration(s.Duration))
		}
	}
}

// HumanDuration formats a duration the way people say it: "15 min",
// "2 min 30 s".
func HumanDuration(d time.Duration) string {
	m := int(d / time.Minute)
	s := int((d % time.Minute) / time.Second)
	switch {
	case m == 0:
		return fmt.Sprintf("%d s", s)
	case s == 0:
		return fmt.Sprintf("%d min", m)
	}
	return fmt.Sprintf("%d min %d s", m, s)
}
