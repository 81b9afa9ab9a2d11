package cli

import (
	"errors"
	"io"
	"time"

	"charm.land/huh/v2"

	"knead/screening"
	"knead/tui"
)

// askForm runs the questionnaire as a full-screen form.
func askForm(q *screening.Questionnaire, mode screening.Mode, in io.Reader, out io.Writer) (screening.Mode, screening.Answers, error) {
	modeValue := string(mode)
	values := map[string]*string{}
	form := tui.ScreeningForm(q, &modeValue, values, nil, time.Time{}).WithInput(in).WithOutput(out)
	if err := form.Run(); err != nil {
		if errors.Is(err, huh.ErrUserAborted) {
			return "", nil, errors.New("screening cancelled; no clearance was given")
		}
		return "", nil, err
	}
	return screening.Mode(modeValue), tui.FormAnswers(q, values), nil
}
