package coach

import "fmt"

// Facts are the parts of a session that advice depends on.
type Facts struct {
	Outcome     Outcome
	StopReason  string
	PainStop    bool
	WarningSign bool
	Baseline    int // -1 when not given
	Final       int // -1 when not given
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
		out = append(out, "The session was stopped: "+f.StopReason+". Rest, and do not massage again until the pain has settled.")
	case f.Outcome == Stopped && f.StopReason != "":
		out = append(out, "The session was stopped: "+f.StopReason+".")
	}
	if f.WarningSign {
		out = append(out, "A warning sign needs a doctor: see a general practitioner or a neurologist before any more massage.")
	}
	if f.Baseline >= 0 && f.Final >= 0 {
		switch rise := f.Final - f.Baseline; {
		case f.Final >= SeverePain:
			out = append(out, fmt.Sprintf("Pain of %d after a session is too strong: pause the course and see a doctor before the next session.", f.Final))
		case rise >= 2:
			// Source 001: "if after the massage the condition has not
			// improved, or even worsened ... consult a doctor".
			out = append(out, "Pain is higher than before the session: pause the course and see a doctor before the next session.")
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
