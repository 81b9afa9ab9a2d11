package routines

import "regexp"

// The kinds of techniques and zones the safety rules speak of. Each rule
// cites the words of the sources it follows; docs/routines.md lists them.

// CanBeGentle reports whether the technique can be done without pressure:
// light stroking, light rubbing and rest (holding still). Every other
// technique uses force, and seed 002 prohibits "any power techniques" for a
// lumbar hernia, while seed 001 asks for "all movements without pressure".
func (t Technique) CanBeGentle() bool {
	switch t {
	case Stroking, Rubbing, Rest:
		return true
	}
	return false
}

// Percussion reports whether the technique strikes the body.
func (t Technique) Percussion() bool {
	switch t {
	case Tapping, Patting, Beating, Hacking:
		return true
	}
	return false
}

// CoversLowerBack reports whether a step on the zone works on the lower
// back, the kidneys beneath it included. The whole back and the muscles
// beside the spine run down into it, so the safer reading counts them too.
func (z Zone) CoversLowerBack() bool {
	switch z {
	case ZoneLumbar, ZoneLumbosacral, ZoneBack, ZoneParavertebral:
		return true
	}
	return false
}

// ReachableAlone reports whether a person can massage the zone on their
// own back (seed 000: "it is technically difficult to massage your own
// back"): the lower back, the sacrum, the buttocks and the collar. The
// muscles beside the spine are within reach only in a lumbar routine, where
// the zone means their lumbar part.
func (z Zone) ReachableAlone(area Area) bool {
	switch z {
	case ZoneLumbar, ZoneLumbosacral, ZoneGluteal, ZoneCollar:
		return true
	case ZoneParavertebral:
		return area == AreaLumbar
	}
	return false
}

// forceWords find work with fists, knuckles or an elbow in a step's words:
// techniques that seed 000 says need "a thorough knowledge of technique"
// and seed 001 lists with pressure (shiatsu "by fingers, elbows or fists").
var forceWords = regexp.MustCompile(`(?i)\b(fists?|knuckles?|(with|using|your|the) elbows?)\b`)

// Gentle reports whether the step is gentle in fact, not only in name: it
// is marked gentle, its technique can be gentle, and its words ask for no
// fists, knuckles or elbows.
func (s Step) Gentle() bool {
	return s.Intensity == Gentle && s.Technique.CanBeGentle() && !s.usesForce()
}

func (s Step) usesForce() bool {
	return forceWords.MatchString(s.Title) || forceWords.MatchString(s.Cue)
}
