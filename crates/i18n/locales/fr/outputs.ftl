# Cadre — documents Cadre writes: minutes as Word and PDF, calendars, spreadsheets (French).
# Keep in step with ../en/outputs.ftl.
# French typography: a no-break space (U+00A0) before : and a narrow no-break space (U+202F)
# before ; ? !

## Minutes (Word and PDF), laid out like the canevas.

out-minutes-title = Compte rendu de la réunion du { $body } du { $date }
out-date = Date
out-time = Heure
out-place = Lieu
out-body = Instance
out-attendance = Présence
out-time-range = { $start } – { $end }
out-time-from = à partir de { $start }
out-time-unknown = non précisée
out-place-unknown = non précisé
out-place-virtual = Réunion virtuelle
out-place-virtual-link = Réunion virtuelle – { $link }
out-follow-up = Suivi des points d’action de la rencontre précédente
out-follow-up-meeting = Rencontre du
out-agenda = Points inscrits à l’ordre du jour
out-discussion = Points de discussion clés
out-action-points = Points d’action
out-responsible = Personnes/agences responsables
out-deadline = Date limite
out-status = Statut
out-no-action = Néant
out-no-date = sans date
out-not-specified = non précisé
out-recommendations = Recommandations
out-roadmap = Feuille de route { $roadmap }
out-recommendations-scope = Recommandations { $scope }
out-thematic-group = Groupe thématique : { $group }
out-number = N°
out-recommendation = Recommandation
out-implementation = État de mise en œuvre
out-challenges = Défis
out-perspectives = Perspectives
out-next-meeting = Prochaine réunion
out-next-meeting-on = La prochaine réunion est prévue le { $date }.
out-next-meeting-on-at = La prochaine réunion est prévue le { $date } à { $time }.
out-next-meeting-in = La prochaine réunion est prévue en { $month }.
out-rapporteur = Rapporteur

## Action points as a spreadsheet (CSV, Excel).

out-sheet-action-points = Points d’action
out-col-meeting-date = Date de la réunion
out-col-body = Instance
out-col-agenda-item = Point de l’ordre du jour
out-col-action-point = Point d’action
out-col-responsible-organisations = Organisations responsables
out-col-responsible-as-written = Responsables (tels qu’écrits)
out-col-deadline-as-written = Date limite (telle qu’écrite)
out-col-due-date = Échéance
out-col-status = Statut
out-col-age = Âge (jours)

## Implementation of recommendations

out-rec-title = État de mise en œuvre des recommandations
out-rec-as-of = Situation au { $date }, selon les rapports de mise en œuvre enregistrés dans Cadre.
out-rec-none = Aucune recommandation ne correspond à ces critères.
out-rec-unreported = sans rapport
out-sheet-recommendations = Recommandations
out-col-roadmap = Feuille de route
out-col-scope = Portée
out-col-thematic-group = Groupe thématique
out-col-pnm = PNM (axe ou sous-programme)
out-col-gcm = Objectifs du Pacte mondial
out-col-status-date = Date du statut
out-col-address = Adresse dans Cadre
out-rec-unstated = non précisé
out-rec-responsible = Responsables
