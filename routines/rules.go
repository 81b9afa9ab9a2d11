package routines

import (
	"fmt"
	"strings"
	"time"
)

// validateSafety applies the rules that keep hands safe on a back, whatever
// a file declares: gentle is earned by the technique, the lumbar area and
// its time limit follow the zones worked, no percussion over the kidneys,
// and a self-massage works only what a person can reach.
func validateSafety(r *Routine, pos map[string]int, ps *problems) {
	at := func(i int, key string) int {
		if line, ok := pos[fmt.Sprintf("steps[%d].%s", i, key)]; ok {
			return line
		}
		return pos[fmt.Sprintf("steps[%d]", i)]
	}
	var lowerBack bool
	var onBack time.Duration
	var beyond []string
	for i, s := range r.Steps {
		n := i + 1
		if s.Intensity == Gentle && s.Technique != "" && !s.Technique.CanBeGentle() {
			ps.add(at(i, "intensity"), "step %d: %s is never gentle, whatever the file says (seed 001: \"all movements without pressure\"; seed 002: \"any power techniques are prohibited\"); only stroking, rubbing and rest can be gentle, so mark it moderate or firm", n, s.Technique)
		} else if s.Intensity == Gentle {
			for _, field := range []struct{ key, text string }{{"title", s.Title}, {"cue", s.Cue}} {
				if w := forceWord(field.text); w != "" {
					ps.add(at(i, field.key), "step %d: its %s asks for force (%q), which is never gentle (seed 001: \"all movements without pressure\"); mark the step moderate or firm, or take the word out", n, field.key, w)
					break
				}
			}
		}
		if s.Technique.Percussion() && s.Zone.CoversLowerBack() {
			ps.add(at(i, "zone"), "step %d: no %s on the %s zone: the kidneys lie under the lower back (seed 001: \"be careful, especially in the lumbar region\"); pat the upper-back, collar or gluteal zone, or stroke here instead", n, s.Technique, s.Zone)
		}
		if r.For == ForSelf && s.Zone != "" && !s.Zone.ReachableAlone() {
			ps.add(at(i, "zone"), "step %d works the %s zone, which a person cannot reach on their own back (seed 000: \"it is technically difficult to massage your own back\"); a self-massage works the lumbar, lumbosacral, gluteal and collar zones (beside the spine in the lower back is the lumbar zone), or make the routine for: partner", n, s.Zone)
		}
		if s.Zone == ZoneLumbar || s.Zone == ZoneLumbosacral {
			lowerBack = true
		}
		if s.Zone.BeyondLowerBack() {
			onBack += s.Duration
			if !contains(beyond, string(s.Zone)) {
				beyond = append(beyond, string(s.Zone))
			}
		}
		if p := s.Passes; p != nil && s.Tempo > 0 && s.Tempo <= s.Duration {
			if need := time.Duration(p.Max) * s.Tempo; need > s.Duration {
				fit := int(s.Duration / s.Tempo)
				ps.add(at(i, "passes"), "step %d: %d passes at %s a pass take %s, but the step lasts %s; lower the passes to at most %d or lengthen the step", n, p.Max, HumanDuration(s.Tempo), HumanDuration(need), HumanDuration(s.Duration), fit)
			}
		}
	}
	if r.Area == AreaLumbar && len(r.Steps) > 0 && !lowerBack {
		ps.add(pos["area"], "area: lumbar, but no step works the lumbar or lumbosacral zone (the steps work: %s); put a step on the lower back, or declare area: back", strings.Join(zoneList(r), ", "))
	}
	if r.Area == AreaLumbar && onBack > MaxBack {
		ps.add(pos["steps"], "these steps spend %s above the lower back (%s), but a back massage lasts at most %s (seed 000), in a lumbar routine too", HumanDuration(onBack), strings.Join(beyond, ", "), HumanDuration(MaxBack))
	}
}

// zoneList names the zones the routine's steps work, once each, in order.
func zoneList(r *Routine) []string {
	var out []string
	for _, s := range r.Steps {
		if s.Zone != "" && !contains(out, string(s.Zone)) {
			out = append(out, string(s.Zone))
		}
	}
	return out
}
