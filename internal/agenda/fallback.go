package agenda

// Fallback is the deterministic agenda: the meeting structure
// (mötescirkeln) with one item per chosen party. Introductions, roles and
// the individual's goals are added by the renderer for every agenda.
func Fallback(parties []string, lang string) Agenda {
	lang = normLang(lang)
	a := Agenda{
		Title:            text{"Dagordning för SIP-möte", "Agenda for the SIP meeting"}.in(lang),
		Goals:            []string{},
		SuggestedParties: []string{},
	}
	if len(parties) == 0 {
		a.Topics = append(a.Topics, Topic{
			Title:   text{"Varje parts nuvarande insatser och uppdrag", "Each party's current efforts and mission"}.in(lang),
			Parties: []string{},
		})
	}
	for _, p := range parties {
		a.Topics = append(a.Topics, Topic{
			Title:   careName(p, lang) + text{": nuvarande insatser och uppdrag", ": current efforts and mission"}.in(lang),
			Parties: []string{p},
		})
	}
	all := append([]string{}, parties...)
	a.Topics = append(a.Topics,
		Topic{
			Title:   text{"Behov – individens, närståendes och varje parts bild", "Needs – as the individual, relatives and each party see them"}.in(lang),
			Parties: all,
		},
		Topic{
			Title:   text{"Insatser framåt: vem gör vad och när", "Efforts ahead: who does what and when"}.in(lang),
			Parties: all,
		},
		Topic{
			Title:   text{"Åtgärder från andra aktörer, till exempel Försäkringskassan", "Measures by others, for example the Social Insurance Agency"}.in(lang),
			Parties: []string{},
		},
	)
	a.Questions = []string{
		text{"Vem gör vad, och vem har mandat att besluta för sin part?", "Who does what, and who has the mandate to decide for their party?"}.in(lang),
		text{"Vem har det övergripande ansvaret för planen?", "Who has the overall responsibility for the plan?"}.in(lang),
		text{"Vilket datum är uppföljningen?", "What is the follow-up date?"}.in(lang),
		text{"Vem kallar till nästa möte?", "Who convenes the next meeting?"}.in(lang),
		text{"Hur och när får individen den skrivna planen?", "How and when does the individual get the written plan?"}.in(lang),
	}
	return a
}
