package routines

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
// muscles beside the spine run up between the shoulder blades, out of
// reach: a self-massage works their lumbar part on the lumbar zone.
func (z Zone) ReachableAlone() bool {
	switch z {
	case ZoneLumbar, ZoneLumbosacral, ZoneGluteal, ZoneCollar:
		return true
	}
	return false
}

// BeyondLowerBack reports whether time on the zone counts toward the back
// massage's 15-minute limit, in a lumbar routine too: every zone that
// reaches above the last rib.
func (z Zone) BeyondLowerBack() bool {
	switch z {
	case ZoneCollar, ZoneUpperBack, ZoneBack, ZoneParavertebral:
		return true
	}
	return false
}

// Gentle reports whether the step is gentle in fact, not only in name: it
// is marked gentle, its technique can be gentle, and its words ask for no
// force (see words.go).
func (s Step) Gentle() bool {
	return s.Intensity == Gentle && s.Technique.CanBeGentle() && s.asks(isForce) == ""
}

// Percussive reports whether the step strikes the body, by its technique
// or by its words.
func (s Step) Percussive() bool {
	return s.Technique.Percussion() || s.asks(isPercussion) != ""
}

// OnLowerBack reports whether the step works the lower back, by its zone
// or by the words of its cue ("and the lower back above them").
func (s Step) OnLowerBack() bool {
	return s.Zone.CoversLowerBack() || s.asks(namesLowerBack) != ""
}

// AboveLowerBack reports whether the step reaches above the lower back, by
// its zone or by its words ("between the shoulder blades").
func (s Step) AboveLowerBack() bool {
	return s.Zone.BeyondLowerBack() || s.asks(namesAboveLowerBack) != ""
}

// ReachableAlone reports whether a person can do the step on their own
// back: its zone is within reach and its words name nothing beyond.
func (s Step) ReachableAlone() bool {
	return s.Zone.ReachableAlone() && s.asks(namesUpperBack) == ""
}
