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
			ps.add(at(i, "intensity"), "step %d: %s is never gentle, whatever the file says (“Massage for back pain”: \"all movements without pressure\"; “Therapeutic massage of the lumbosacral spine”: \"any power techniques are prohibited\"); only stroking, rubbing and rest can be gentle, so mark it moderate or firm", n, s.Technique)
		} else if s.Intensity == Gentle {
			if word, key := s.asksWhere(isForce); word != "" {
				ps.add(at(i, key), "step %d: its %s asks for force (%q), which is never gentle (“Massage for back pain”: \"all movements without pressure\"); mark the step moderate or firm, or take the word out", n, key, word)
			}
		}
		if s.Percussive() && s.OnLowerBack() {
			what, key := string(s.Technique), "zone"
			if !s.Technique.Percussion() {
				what, key = s.asksWhere(isPercussion)
				what = fmt.Sprintf("%q", what)
			}
			where := "the " + string(s.Zone) + " zone"
			if !s.Zone.CoversLowerBack() {
				word, k := s.asksWhere(namesLowerBack)
				where, key = fmt.Sprintf("%q", word), k
			}
			ps.add(at(i, key), "step %d: no %s on %s: the kidneys lie under the lower back (“Massage for back pain”: \"be careful, especially in the lumbar region\"); pat the upper-back, collar or gluteal zone, or stroke here instead", n, what, where)
		}
		if word, key := s.asksWhere(namesSpine); word != "" {
			ps.add(at(i, key), "step %d: its %s names %q, but massage never works on the spinal column itself (“Therapeutic back massage”; “Therapeutic massage of the lumbosacral spine”: \"The spine is inviolable\"); work the muscles beside it", n, key, word)
		}
		if s.Technique == Rest && s.Passes != nil {
			ps.add(at(i, "passes"), "step %d is a rest: it has no passes to count; take the passes out", n)
		}
		if r.For == ForSelf && s.Zone != "" && !s.ReachableAlone() {
			where, key := "the "+string(s.Zone)+" zone", "zone"
			if s.Zone.ReachableAlone() {
				word, k := s.asksWhere(namesUpperBack)
				where, key = fmt.Sprintf("%q", word), k
			}
			ps.add(at(i, key), "step %d works %s, which a person cannot reach on their own back (“Therapeutic back massage”: \"it is technically difficult to massage your own back\"); a self-massage works the lumbar, lumbosacral, gluteal and collar zones (beside the spine in the lower back is the lumbar zone), or make the routine for: partner", n, where)
		}
		if s.Zone == ZoneLumbar || s.Zone == ZoneLumbosacral {
			lowerBack = true
		}
		if s.AboveLowerBack() {
			onBack += s.Duration
			where := string(s.Zone)
			if !s.Zone.BeyondLowerBack() {
				where = s.asks(namesAboveLowerBack)
			}
			if !contains(beyond, where) {
				beyond = append(beyond, where)
			}
		}
		if p := s.Passes; p != nil && s.Tempo > 0 && s.Tempo <= s.Duration {
			if need := time.Duration(p.Max) * s.Tempo; need > s.Duration {
				fit := int(s.Duration / s.Tempo)
				ps.add(at(i, "passes"), "step %d: %d passes at %s a pass take %s, but the step lasts %s; lower the passes to at most %d or lengthen the step", n, p.Max, HumanDuration(s.Tempo), HumanDuration(need), HumanDuration(s.Duration), fit)
			}
		} else if rate, ok := DefaultRates[s.Technique]; p != nil && s.Tempo == 0 && ok {
			// Without a tempo, even the technique's fastest usual pace must
			// fit the target.
			if fit := int(s.Duration / rate.Fastest()); p.Max > fit {
				ps.add(at(i, "passes"), "step %d: %d passes of %s do not fit in %s even at its fastest usual pace (%d); lower the passes to at most %d, lengthen the step, or give a tempo", n, p.Max, s.Technique, HumanDuration(s.Duration), fit, fit)
			}
		} else if p != nil && s.Tempo == 0 && int(s.Duration/time.Second) < p.Max {
			// No usual pace known: a pass takes a second at least.
			fit := int(s.Duration / time.Second)
			ps.add(at(i, "passes"), "step %d: %d passes do not fit in %s at one a second; lower the passes to at most %d, lengthen the step, or give a tempo", n, p.Max, HumanDuration(s.Duration), fit)
		}
	}
	if r.Area == AreaLumbar && len(r.Steps) > 0 && !lowerBack {
		ps.add(pos["area"], "area: lumbar, but no step works the lumbar or lumbosacral zone (the steps work: %s); put a step on the lower back, or declare area: back", strings.Join(zoneList(r), ", "))
	}
	if r.Area == AreaLumbar && onBack > MaxBack {
		ps.add(pos["steps"], "these steps spend %s above the lower back (%s), but a back massage lasts at most %s (“Therapeutic back massage”), in a lumbar routine too", HumanDuration(onBack), strings.Join(beyond, ", "), HumanDuration(MaxBack))
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
