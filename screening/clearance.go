package screening

import (
	"fmt"
	"strings"
	"time"

	"knead/routines"
)

// Level is how far massage is allowed today. The worst level of all answers
// wins.
type Level string

// Possible Level values, from the mildest.
const (
	Clear  Level = "clear"
	Gentle Level = "gentle"
	Stop   Level = "stop"
	Urgent Level = "urgent"
)

// rank orders levels so that the worst can be kept.
func (l Level) rank() int {
	switch l {
	case Gentle:
		return 1
	case Stop:
		return 2
	case Urgent:
		return 3
	}
	return 0
}

// Worse reports whether l is worse than other.
func (l Level) Worse(other Level) bool { return l.rank() > other.rank() }

// Mode says who is massaged: the user, or the user's partner.
type Mode string

// Possible Mode values.
const (
	Self    Mode = "self"
	Partner Mode = "partner"
)

// ParseMode reads "self" or "partner".
func ParseMode(s string) (Mode, error) {
	switch Mode(s) {
	case Self, Partner:
		return Mode(s), nil
	}
	return "", fmt.Errorf("%q is not a choice: use self (you massage yourself) or partner (you massage someone else)", s)
}

// Reason is one answer that limited the clearance.
type Reason struct {
	Question    string `json:"question"`
	Label       string `json:"-"`
	Explanation string `json:"explanation"`
	Source      string `json:"source"`
	Level       Level  `json:"-"`
	// Area, when set, limits a gentle reason to routines of that area.
	Area routines.Area `json:"-"`
}

// Clearance is the result of screening: how far massage is allowed, why,
// for whom, and when it was given. It is valid on that day only.
type Clearance struct {
	Level   Level
	For     Mode
	GivenAt time.Time
	Reasons []Reason
	Advice  []string
}

// ValidAt reports whether the clearance still holds at now: only on the
// calendar day it was given, in now's time zone.
func (c Clearance) ValidAt(now time.Time) bool {
	if c.GivenAt.IsZero() {
		return false
	}
	y1, m1, d1 := c.GivenAt.In(now.Location()).Date()
	y2, m2, d2 := now.Date()
	return y1 == y2 && m1 == m2 && d1 == d2
}

// Allows reports whether the clearance lets r be run, and if not, why, in
// words fit for a locked entry of the routine picker.
func (c Clearance) Allows(r *routines.Routine) (bool, string) {
	if c.Level == Stop || c.Level == Urgent || c.Level == "" {
		return false, "no massage today"
	}
	switch {
	case r.For == routines.ForSelf && c.For == Partner:
		return false, "a routine for massaging yourself"
	case r.For == routines.ForPartner && c.For == Self:
		return false, "a routine for massaging a partner"
	}
	if r.Gentle() {
		return true, ""
	}
	var limits []string
	for _, reason := range c.Reasons {
		if reason.Level == Gentle && (reason.Area == "" || reason.Area == r.Area) {
			limits = append(limits, reason.Label)
		}
	}
	if len(limits) > 0 {
		return false, "gentle routines only: " + strings.Join(limits, ", ")
	}
	return true, ""
}

// Allowed filters a list of routines to those the clearance allows.
func (c Clearance) Allowed(list []*routines.Routine) []*routines.Routine {
	var out []*routines.Routine
	for _, r := range list {
		if ok, _ := c.Allows(r); ok {
			out = append(out, r)
		}
	}
	return out
}

// NextStep says in plain words what to do now, in the wording of the mode.
func (c Clearance) NextStep() string {
	whom := "yourself"
	if c.For == Partner {
		whom = "your partner"
	}
	switch c.Level {
	case Urgent:
		if c.For == Partner {
			return "Do not massage. Your partner needs medical care now: call a doctor or an emergency service today and describe these symptoms."
		}
		return "Do not massage. Seek medical care now: call a doctor or an emergency service today and describe these symptoms."
	case Stop:
		return fmt.Sprintf("Do not massage %s today. See a doctor (a therapist or a neurologist) about the reasons above before the next session.", whom)
	case Gentle:
		return fmt.Sprintf("Massage is allowed for %s today with gentle routines only: slow stroking and light rubbing, no pressure, tapping or kneading.", whom)
	}
	return fmt.Sprintf("Nothing reported stops a massage for %s today. Stop at once if pain rises.", whom)
}
