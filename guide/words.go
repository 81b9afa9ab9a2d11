package guide

import (
	"fmt"
	"strings"

	"knead/coach"
)

// Question is what the flow asks now, in words addressed to the person at
// the keys (for a partner: "Ask Anna: ..."); "" while nothing is asked (a
// step or the rest running, a result to read).
func (f *Flow) Question() string {
	switch f.stage {
	case Who:
		return "Who is being massaged?"
	case Settled:
		return f.settledQuestion()
	case Screening:
		if f.walk.Confirming() {
			return f.walk.KeptPrompt() + " Has anything changed?"
		}
		if x := f.walk.Current(); x != nil {
			return f.walk.Text(x)
		}
	case Picker:
		return "Which routine?"
	case Session:
		return f.sessionQuestion(f.engine.State())
	}
	return ""
}

func (f *Flow) settledQuestion() string {
	c := f.course
	whose := "the pain"
	if f.Partner() {
		whose = f.who() + "'s pain"
	}
	q := fmt.Sprintf("Last session, on %s, %s. Has %s settled since then?", c.LastAt.Local().Format("Mon 2 Jan"), c.Last, whose)
	if c.Doctor {
		// The advice was to see a doctor before more massage.
		seen := "you"
		if f.Partner() {
			seen = f.who()
		}
		q = fmt.Sprintf("Last session, on %s, %s. The advice was to see a doctor before any more massage. Has %s settled, and has a doctor seen %s since then?",
			c.LastAt.Local().Format("Mon 2 Jan"), c.Last, whose, seen)
	}
	return q
}

// who names the partner: their name, or "your partner".
func (f *Flow) who() string {
	if f.name != "" {
		return f.name
	}
	return "your partner"
}

// ask addresses a question about the pain to the right person.
func (f *Flow) ask(q string) string {
	if !f.Partner() {
		return q
	}
	return "Ask " + f.who() + ": " + strings.ToLower(q[:1]) + q[1:]
}

// whose names the person whose pain a reason speaks of (see
// coach.Whose), with a capital when a reason starts with "your partner".
func (f *Flow) whose(reason string) string {
	if !f.Partner() {
		return reason
	}
	out := coach.Whose(reason, f.who())
	if strings.HasPrefix(out, "your partner") {
		out = "Y" + out[1:]
	}
	return out
}

// Advice is the summary's advice, addressed: for a partner it says whose
// pain it was and who should see a doctor.
func (f *Flow) Advice() []string {
	facts := f.Summary().Facts()
	if f.Partner() {
		facts.Person = f.who()
	}
	return coach.Advise(facts)
}

// StopAdvice is what to do at the stop prompt, addressed to the person at
// the keys: in full, and short for small windows.
func (f *Flow) StopAdvice() (full, short string) {
	if f.State().Phase < coach.Step {
		// Stopped before the first step: no hands are on yet.
		if !f.Partner() {
			return "Do not start the massage today. If the pain stays, or you feel numbness or tingling, see a doctor.",
				"No massage today. Numbness or tingling: see a doctor."
		}
		who := f.who()
		return fmt.Sprintf("Do not start the massage today. If the pain stays, or %s feels numbness or tingling, %s should see a doctor.", who, who),
			fmt.Sprintf("No massage today. Numbness or tingling: %s should see a doctor.", who)
	}
	if !f.Partner() {
		return "Take your hands off, let the muscles rest and breathe slowly. If the pain stays, or you feel numbness or tingling, see a doctor.",
			"Hands off, rest. Numbness or tingling: see a doctor."
	}
	who, again := f.who(), f.who()
	if f.name == "" {
		again = "they"
	}
	return fmt.Sprintf("Take your hands off and let %s rest and breathe slowly. If the pain stays, or %s feels numbness or tingling, %s should see a doctor.", who, who, again),
		fmt.Sprintf("Hands off; %s rests. Numbness or tingling: %s should see a doctor.", who, again)
}

// EaseAdvice is what the hands do at the ease prompt.
func (f *Flow) EaseAdvice() string {
	return "Use lighter, slower strokes. If the pain rises further, the session stops."
}

func (f *Flow) sessionQuestion(st coach.State) string {
	switch st.Prompt {
	case coach.StopPrompt:
		return "STOP: " + f.whose(st.StopReason) + "."
	case coach.EasePrompt:
		whose := "the pain"
		if f.Partner() {
			whose = f.who() + "'s pain"
		}
		return fmt.Sprintf("Ease the pressure: %s went up from %d to %d.", whose, st.Baseline, st.LastPain)
	case coach.GapPrompt:
		return "The clock jumped (the computer slept): the step is paused."
	}
	switch st.Phase {
	case coach.Preparation:
		return "Ready to begin?"
	case coach.PainfulSide:
		return f.ask("Which side hurts more?")
	case coach.Baseline:
		if f.confirming() {
			return fmt.Sprintf("Pain before: %d. Start with it, or change it?", f.painBefore)
		}
		return f.ask("How strong is the pain before you start, 0–10?")
	case coach.CheckIn:
		return f.ask("How is the pain now, 0–10?")
	case coach.FinalPain:
		return f.ask("How is the pain now, after the rest, 0–10?")
	}
	return ""
}

// SideWords is a side switch in words: "Turn over: now the right side"
// for oneself, "Switch to the right side" for a partner.
func SideWords(side coach.Side, partner bool) string {
	switch {
	case side == "":
		return "Switch sides"
	case partner:
		return fmt.Sprintf("Switch to the %s side", side)
	}
	return fmt.Sprintf("Turn over: now the %s side", side)
}
