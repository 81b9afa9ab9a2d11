// Package screening holds the questionnaire that decides whether massage is
// safe today and which routines are allowed.
package screening
