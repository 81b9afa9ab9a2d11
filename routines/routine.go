// Package routines holds the massage routine model, the library of routines
// built into knead, the loader for users' own routine files and the rules a
// routine must follow to be run.
package routines

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"knead/sources"
)

// Audience says who a routine is written for.
type Audience string

// Possible Audience values.
const (
	ForSelf    Audience = "self"
	ForPartner Audience = "partner"
	ForBoth    Audience = "both"
)

// Area is the part of the back a routine works on.
type Area string

// Possible Area values.
const (
	AreaBack   Area = "back"
	AreaLumbar Area = "lumbar"
)

// Technique is the kind of movement a step asks for.
type Technique string

// Possible Technique values.
const (
	Stroking     Technique = "stroking"
	DeepStroking Technique = "deep-stroking"
	Rubbing      Technique = "rubbing"
	Squeezing    Technique = "squeezing"
	Kneading     Technique = "kneading"
	Vibration    Technique = "vibration"
	Shaking      Technique = "shaking"
	Tapping      Technique = "tapping"
	Patting      Technique = "patting"
	Beating      Technique = "beating"
	Hacking      Technique = "hacking"
	Pressure     Technique = "pressure"
	Rest         Technique = "rest"
)

// Words is the technique as people write it: "deep stroking".
func (t Technique) Words() string { return strings.ReplaceAll(string(t), "-", " ") }

// Zone is the strip of the back a step works on, as seed 001 divides the
// back. There is deliberately no zone for the spine itself: massage never
// works on the spinal column.
type Zone string

// Possible Zone values.
const (
	// ZoneCollar runs from the head to the base of the shoulder blades.
	ZoneCollar Zone = "collar"
	// ZoneUpperBack runs from the shoulder blades to the last rib.
	ZoneUpperBack Zone = "upper-back"
	// ZoneBack is the whole back, the lower back included.
	ZoneBack Zone = "back"
	// ZoneLumbar runs from the last rib to near the coccyx.
	ZoneLumbar Zone = "lumbar"
	// ZoneLumbosacral is the sacrum, the lumbosacral joint and the hips.
	ZoneLumbosacral Zone = "lumbosacral"
	// ZoneGluteal is the buttock muscles.
	ZoneGluteal Zone = "gluteal"
	// ZoneParavertebral is the muscles beside the spine, along all of it
	// (in a lumbar routine, their lumbar part).
	ZoneParavertebral Zone = "paravertebral"
)

// StepSide is the side a whole step works, counted from the start.
type StepSide string

// Possible StepSide values.
const (
	FirstSide  StepSide = "first"
	SecondSide StepSide = "second"
)

// Intensity is how much pressure a step uses.
type Intensity string

// Possible Intensity values, from the lightest.
const (
	Gentle   Intensity = "gentle"
	Moderate Intensity = "moderate"
	Firm     Intensity = "firm"
)

// Rank orders intensities so that the strongest of a routine can be found.
func (i Intensity) Rank() int {
	switch i {
	case Gentle:
		return 1
	case Moderate:
		return 2
	case Firm:
		return 3
	}
	return 0
}

// Passes is a target range of passes (strokes) for a step.
type Passes struct {
	Min, Max int
}

// String is the range as people write it: "15–20", or "12" when both ends
// are the same.
func (p Passes) String() string {
	if p.Min == p.Max {
		return fmt.Sprint(p.Min)
	}
	return fmt.Sprintf("%d–%d", p.Min, p.Max)
}

// Step is one timed part of a routine.
type Step struct {
	Title       string
	Technique   Technique
	Zone        Zone
	Duration    time.Duration
	Intensity   Intensity
	Cue         string
	Direction   string
	Passes      *Passes
	Tempo       time.Duration
	SwitchSides bool
	// Side, when set, says the whole step works one side: the first (the
	// side opposite the pain) or the second. A self-massage does everything
	// on one side, then turns over once (seed 001: "turn over on the other
	// side and repeat everything").
	Side StepSide
	// Sources are the words the step's cue is built from.
	Sources sources.Sources
}

// Aftercare is what to do once the last step is over.
type Aftercare struct {
	Rest   time.Duration
	Advice string
}

// DefaultRest is the aftercare rest when a routine names none: seed 002
// advises resting 10–20 minutes without exertion after a massage.
const DefaultRest = 10 * time.Minute

// Routine is a whole massage sequence.
type Routine struct {
	ID        string
	Title     string
	For       Audience
	Area      Area
	Position  string
	Prepare   []string
	Sources   sources.Sources
	Steps     []Step
	Aftercare Aftercare
	// File is where the routine was read from; empty for built-in ones.
	File string
}

// Suits says whether the routine is written for massaging a partner
// (partner true) or oneself.
func (r *Routine) Suits(partner bool) bool {
	want := ForSelf
	if partner {
		want = ForPartner
	}
	return r.For == ForBoth || r.For == want
}

// Total is the planned time of all steps, without aftercare.
func (r *Routine) Total() time.Duration {
	var total time.Duration
	for _, s := range r.Steps {
		total += s.Duration
	}
	return total
}

// Gentle reports whether every step of the routine is gentle (see
// Step.Gentle), which is what a "gentle only" screening clearance requires.
func (r *Routine) Gentle() bool {
	for _, s := range r.Steps {
		if !s.Gentle() {
			return false
		}
	}
	return true
}

// Intensity is the routine's strongest step intensity.
func (r *Routine) Intensity() Intensity {
	strongest := Gentle
	for _, s := range r.Steps {
		i := s.Intensity
		if i == Gentle && !s.Gentle() {
			i = Moderate // a label the technique does not earn
		}
		if i.Rank() > strongest.Rank() {
			strongest = i
		}
	}
	return strongest
}

// WorksLowerBack reports whether the routine works the lower back: a step
// on a zone that covers it (see Zone.CoversLowerBack) or whose words name
// it, or a declared lumbar area. Locks meant for the lower back follow
// this, not the declared area alone.
func (r *Routine) WorksLowerBack() bool {
	if r.Area == AreaLumbar {
		return true
	}
	for _, s := range r.Steps {
		if s.OnLowerBack() {
			return true
		}
	}
	return false
}

// OutOfOwnReach lists, once each, the zones of the routine a person cannot
// reach on their own back (see Step.ReachableAlone), or the words naming
// such a place; a routine with any cannot be run as self-massage.
func (r *Routine) OutOfOwnReach() []string {
	var out []string
	for _, s := range r.Steps {
		if s.ReachableAlone() {
			continue
		}
		where := strings.ReplaceAll(string(s.Zone), "-", " ")
		if s.Zone.ReachableAlone() {
			where = s.asks(namesUpperBack)
		}
		if !slices.Contains(out, where) {
			out = append(out, where)
		}
	}
	return out
}

// BuiltIn reports whether the routine ships with knead.
func (r *Routine) BuiltIn() bool { return r.File == "" }
