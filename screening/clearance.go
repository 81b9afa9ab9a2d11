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
	Label       string `json:"label"`
	Level       Level  `json:"level"`
	Explanation string `json:"explanation"`
	// Next says what to do about it, for a stop or urgent result.
	Next string `json:"next,omitempty"`
	// Source is every source in one line of text: titles and words.
	Source  string  `json:"source"`
	Sources Sources `json:"sources"`
	// Locks, when set, closes the routines that work that part of the back.
	Locks Lock `json:"locks,omitempty"`
}

// Clearance is the result of screening: how far massage is allowed, why,
// for whom, and when it was given. It is valid on that day only.
type Clearance struct {
	Level Level
	For   Mode
	// Name is the partner's name, when known, for the words of the result.
	Name    string
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
	if c.For == Self {
		if places := r.OutOfOwnReach(); len(places) > 0 {
			return false, "works the " + strings.Join(places, " and ") + ", out of reach on your own back"
		}
	}
	var locks, limits []string
	for _, reason := range c.Reasons {
		if reason.Locks == LockLumbar && r.WorksLowerBack() {
			locks = append(locks, reason.Label)
		}
		if reason.Level == Gentle {
			limits = append(limits, reason.Label)
		}
	}
	if len(locks) > 0 {
		return false, "works the lower back, closed today (" + strings.Join(locks, ", ") + ")"
	}
	if len(limits) > 0 && !r.Gentle() {
		return false, "gentle routines only (" + strings.Join(limits, ", ") + ")"
	}
	return true, ""
}

// Allowed filters a list of routines to those the clearance allows; never
// nil.
func (c Clearance) Allowed(list []*routines.Routine) []*routines.Routine {
	out := []*routines.Routine{}
	for _, r := range list {
		if ok, _ := c.Allows(r); ok {
			out = append(out, r)
		}
	}
	return out
}

// NextStep says in plain words what to do now, in the wording of the mode:
// one sentence for the level, then what to do about each reason that
// stopped the massage.
func (c Clearance) NextStep() string {
	whom := "yourself"
	if c.For == Partner {
		whom = "your partner"
	}
	var head string
	switch c.Level {
	case Urgent:
		head = "Do not massage. Get medical care today and describe these symptoms."
		if c.For == Partner {
			head = "Do not massage. Your partner needs medical care today: describe these symptoms to the doctor."
		}
	case Stop:
		head = fmt.Sprintf("Do not massage %s today.", whom)
	case Gentle:
		head = fmt.Sprintf("Massage is allowed for %s today with gentle routines only: slow stroking and light rubbing, no pressure, tapping or kneading.", whom)
	default:
		head = fmt.Sprintf("Nothing reported stops a massage for %s today. Stop at once if pain rises.", whom)
	}
	parts := []string{head}
	if locked := c.LowerBackLocks(); len(locked) > 0 && c.Level != Stop && c.Level != Urgent {
		parts = append(parts, "The lower back is not massaged today ("+strings.Join(locked, ", ")+").")
	}
	seen := map[string]bool{}
	for _, r := range c.Reasons {
		if r.Level != c.Level || r.Next == "" || seen[r.Next] {
			continue
		}
		seen[r.Next] = true
		parts = append(parts, r.Next)
	}
	return NamePartner(strings.Join(parts, " "), c.Name)
}

// LowerBackLocks names the reasons that close the lower back to massage.
func (c Clearance) LowerBackLocks() []string {
	var out []string
	for _, r := range c.Reasons {
		if r.Locks != "" {
			out = append(out, r.Label)
		}
	}
	return out
}

// Exit statuses for a screening that does not allow massage, shared by
// every command that screens, so that `knead screen && ...` works.
const (
	ExitStop   = 3
	ExitUrgent = 4
)

// ExitStatus is the process status a level leads to: 0 when massage is
// allowed, ExitStop or ExitUrgent when not.
func (l Level) ExitStatus() int {
	switch l {
	case Stop:
		return ExitStop
	case Urgent:
		return ExitUrgent
	}
	return 0
}
