package tui

import (
	"knead/coach"
	"knead/guide"
)

// helpKeys are the keys that do something on the screen under the key
// list, each with what it does there: the flow says which actions it takes
// now, so the list never offers a key that would be ignored.
func (m *Model) helpKeys() [][2]string {
	st := m.flow.State()
	var out [][2]string
	add := func(keys, what string, kind guide.ActionKind) {
		if m.flow.Valid(kind) {
			out = append(out, [2]string{keys, what})
		}
	}
	switch {
	case st.Prompt == coach.StopPrompt:
		add("e enter", "end the session", guide.EndSession)
		add("g", "finish with gentle stroking (3 min at most)", guide.FinishGently)
	case st.Prompt == coach.EasePrompt:
		add("enter", "go on, with lighter pressure", guide.Continue)
	case st.Prompt == coach.GapPrompt:
		add("enter", "resume the step", guide.Continue)
		add("r", "restart the step", guide.Restart)
	case st.Phase == coach.Preparation:
		add("enter", "ready: go on", guide.Continue)
	case st.Phase == coach.PainfulSide:
		add("l r", "the left or the right side hurts more", guide.ChooseSide)
		add("b n", "both sides, or neither", guide.ChooseSide)
	case st.Phase == coach.Baseline && m.flow.PainBefore() >= 0:
		add("enter", "start with this pain before", guide.Continue)
		add("u", "change the pain before", guide.Undo)
	}
	add("0-9 t", "pain now, 0 to 9, t for 10", guide.Pain)
	add("w", "warning sign: sharp or shooting pain, numbness, tingling", guide.Warning)
	add("s", "stop now", guide.Stop)
	if st.Prompt == coach.NoPrompt {
		add("space", "pause or resume", guide.PauseResume)
		add("n", "next step", guide.Next)
		add("b", "back: the start of this step, again: the step before", guide.Back)
		add("+", "30 s more for this step", guide.Extend)
	}
	add("q", "quit (asks first)", guide.Quit)
	return out
}
