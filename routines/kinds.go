package routines

import (
	"regexp"
	"strings"
	"unicode"
)

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

// forceWords are the words of a cue or title that ask for force: pressure,
// kneading, squeezing, shaking, percussion, and work with fists, knuckles,
// elbows, forearms or body weight. Seed 001 asks for "all movements without
// pressure"; seed 002 prohibits "any power techniques" and seed 001
// "twisting and shaking" for a hernia. A word after "no", "never",
// "without", "not" or "avoid" ("never press") asks for none.
var forceWords = regexp.MustCompile(`^(press|presses|pressing|pressure|hard|harder|firm|firmly|deep|deeply|force|forceful|forcefully|vigorous|vigorously|weight|knead|kneads|kneading|squeeze|squeezes|squeezing|shake|shakes|shaking|vibrate|vibrating|vibration|twist|twisting|tap|taps|tapping|pat|pats|patting|beat|beats|beating|hack|hacks|hacking|chop|chopping|drum|drumming|pound|pounding|slap|slapping|fist|fists|knuckle|knuckles|elbow|elbows|forearm|forearms)$`)

var negations = map[string]bool{"no": true, "never": true, "without": true, "not": true, "avoid": true, "don't": true, "dont": true}

// forceWord returns the first word of text that asks for force and is not
// negated by one of the three words before it; "" when there is none.
func forceWord(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	for i, w := range words {
		if !forceWords.MatchString(w) {
			continue
		}
		negated := false
		for j := max(0, i-3); j < i; j++ {
			negated = negated || negations[words[j]]
		}
		if !negated {
			return w
		}
	}
	return ""
}

// Gentle reports whether the step is gentle in fact, not only in name: it
// is marked gentle, its technique can be gentle, and its words ask for no
// force (see forceWords).
func (s Step) Gentle() bool {
	return s.Intensity == Gentle && s.Technique.CanBeGentle() && forceWord(s.Title) == "" && forceWord(s.Cue) == ""
}
