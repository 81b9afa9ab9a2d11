package coach

import (
	"fmt"
	"strings"
)

// Facts are the parts of a session that advice depends on.
type Facts struct {
	Outcome     Outcome
	StopReason  string
	PainStop    bool
	WarningSign bool
	Baseline    int // -1 when not given
	Final       int // -1 when not given
	// Person is whom the advice speaks of: "" for oneself, else the
	// partner's name, or "your partner" when none was given. The person
	// at the keys is told what the massaged person should do.
	Person string
}

// Whose names the person whose pain a reason speaks of: for a partner,
// "pain rose from 3 to 6" becomes "Anna's pain rose from 3 to 6". Each
// part of a reason ("you asked to stop; pain rose ...") is read alone.
func Whose(reason, person string) string {
	if person == "" {
		return reason
	}
	parts := strings.Split(reason, "; ")
	for i, p := range parts {
		if strings.HasPrefix(p, "pain ") {
			parts[i] = person + "'s " + p
		}
	}
	return strings.Join(parts, "; ")
}

// pain is "Pain" or "Anna's pain", to start a sentence with.
func (f Facts) pain() string {
	if f.Person == "" {
		return "Pain"
	}
	return capital(f.Person) + "'s pain"
}

// see is who should see a doctor: "see", or "Anna should see".
func (f Facts) see() string {
	if f.Person == "" {
		return "see"
	}
	return f.Person + " should see"
}

// andSee joins "pause the course" to seeing a doctor.
func (f Facts) andSee() string {
	if f.Person == "" {
		return " and see"
	}
	return "; " + f.see()
}

// capital puts a capital on the first letter: "your partner" starts a
// sentence as "Your partner".
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Rose says the session ended with more pain than it began.
func (f Facts) Rose() bool {
	return f.Baseline >= 0 && f.Final > f.Baseline
}

// PausesCourse says the course waits until the pain has settled: after a
// stop for pain or a warning sign, or a session that left more pain than
// it found. The next start asks about it before the screening.
func (f Facts) PausesCourse() bool {
	return f.PainStop || f.WarningSign || f.Rose() || f.Final >= SeverePain
}

// NeedsDoctor says the advice sends to a doctor before more massage: a
// warning sign, pain of 7 or more after, or a rise of 2 or more.
func (f Facts) NeedsDoctor() bool {
	return f.WarningSign || f.Final >= SeverePain || (f.Baseline >= 0 && f.Final-f.Baseline >= 2)
}

// Advise turns a session's facts into what to do next. The summary, the
// history and the next start all use it, so they never disagree.
func Advise(f Facts) []string {
	var out []string
	switch {
	case f.Outcome == Stopped && f.StopReason != "" && f.PausesCourse():
		out = append(out, "The session was stopped: "+Whose(f.StopReason, f.Person)+". Rest, and do not massage again until the pain has settled.")
	case f.Outcome == Stopped && f.StopReason != "":
		out = append(out, "The session was stopped: "+Whose(f.StopReason, f.Person)+".")
	}
	if f.WarningSign {
		out = append(out, "A warning sign needs a doctor: "+f.see()+" a general practitioner or a neurologist before any more massage.")
	}
	if f.Baseline >= 0 && f.Final >= 0 {
		switch rise := f.Final - f.Baseline; {
		case f.Final >= SeverePain:
			out = append(out, fmt.Sprintf("%s of %d after a session is too strong: pause the course%s a doctor before the next session.", f.pain(), f.Final, f.andSee()))
		case rise >= 2:
			// Source 001: "if after the massage the condition has not
			// improved, or even worsened ... consult a doctor".
			out = append(out, f.pain()+" is higher than before the session: pause the course"+f.andSee()+" a doctor before the next session.")
		case rise == 1 && !f.WarningSign && f.Outcome != Stopped:
			// Soreness is normal only after a session that went well: after
			// a stop or a warning sign it would contradict the advice above.
			// Source 001: "if after the session the loin hurts a little -
			// this is normal"; 002 expects it as the body adapts. The
			// course still waits for it to settle.
			out = append(out, "A little soreness after a session is normal, especially in the first sessions of a course: wait until it has settled before the next session.")
		}
	}
	return out
}
