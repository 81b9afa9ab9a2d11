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
	for i, s := range r.Steps {
		n := i + 1
		if s.Intensity == Gentle && s.Technique != "" && !s.Technique.CanBeGentle() {
			ps.add(at(i, "intensity"), "step %d: %s is never gentle, whatever the file says (seed 001: \"all movements without pressure\"; seed 002: \"any power techniques are prohibited\"); only stroking, rubbing and rest can be gentle, so mark it moderate or firm", n, s.Technique)
		} else if s.Intensity == Gentle && s.usesForce() {
			ps.add(at(i, "cue"), "step %d: work with fists, knuckles or an elbow is never gentle (seed 001 lists it with pressure); mark it moderate or firm, or take it out of the cue", n)
		}
		if s.Technique.Percussion() && s.Zone.CoversLowerBack() {
			ps.add(at(i, "zone"), "step %d: no %s on the %s zone: the kidneys lie under the lower back (seed 001: \"be careful, especially in the lumbar region\"); pat the upper-back, collar or gluteal zone, or stroke here instead", n, s.Technique, s.Zone)
		}
		if (r.For == ForSelf) && s.Zone != "" && !s.Zone.ReachableAlone(r.Area) {
			ps.add(at(i, "zone"), "step %d works the %s zone, which a person cannot reach on their own back (seed 000: \"it is technically difficult to massage your own back\"); a self-massage works the lumbar, lumbosacral, gluteal and collar zones, or make the routine for: partner", n, s.Zone)
		}
		if s.Zone == ZoneLumbar || s.Zone == ZoneLumbosacral {
			lowerBack = true
		}
		if s.Zone == ZoneBack || s.Zone == ZoneUpperBack || s.Zone == ZoneCollar {
			onBack += s.Duration
		}
		if p := s.Passes; p != nil && s.Tempo > 0 && s.Duration > 0 {
			if need := time.Duration(p.Min) * s.Tempo; need > s.Duration {
				fit := int(s.Duration / s.Tempo)
				ps.add(at(i, "passes"), "step %d: %d passes at %s a pass take %s, but the step lasts %s; lower the passes to at most %d or lengthen the step", n, p.Min, HumanDuration(s.Tempo), HumanDuration(need), HumanDuration(s.Duration), fit)
			}
		}
	}
	if r.Area == AreaLumbar && len(r.Steps) > 0 && !lowerBack {
		ps.add(pos["area"], "area: lumbar, but no step works the lumbar or lumbosacral zone (the steps work: %s); put a step on the lower back, or declare area: back", strings.Join(zoneList(r), ", "))
	}
	if r.Area == AreaLumbar && onBack > MaxBack {
		ps.add(pos["steps"], "these steps spend %s on the collar, upper-back and back zones, but a back massage lasts at most %s (seed 000), in a lumbar routine too", HumanDuration(onBack), HumanDuration(MaxBack))
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
