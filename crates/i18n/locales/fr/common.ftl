# Cadre — common messages (French). Keep in step with ../en/common.ftl.
# French typography: a narrow no-break space (U+202F) before ; ? ! and a no-break space
# (U+00A0) before :

age-open-months = { $months ->
    [one] ouvert depuis { $months } mois
   *[other] ouvert depuis { $months } mois
}
results-count = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
}

## Labels of the things Cadre names: <family>-<value as stored, "_" written "-">.

body-level-national = national
body-level-regional = régional
role-administrator = administrateur
role-secretariat = secrétariat
role-regional-focal-point = point focal régional
role-partner-editor = éditeur partenaire
role-internal-reader = lecteur interne
organisation-kind-government = administration
organisation-kind-un-agency = agence des Nations Unies
organisation-kind-ngo = ONG / société civile
organisation-kind-donor = partenaire financier
organisation-kind-red-cross = mouvement Croix-Rouge
organisation-kind-local-authority = collectivité territoriale
organisation-kind-other = autre
recommendation-scope-general = d’ordre général
recommendation-scope-specific = d’ordre spécifique
recommendation-status-not-started = non démarrée
recommendation-status-in-progress = en cours
recommendation-status-implemented = mise en œuvre
recommendation-status-abandoned = abandonnée
recommendation-status-to-reformulate = à reformuler
session-kind-national-session = session nationale du CCM
session-kind-preparatory-meeting = réunion préparatoire
session-kind-regional-session = session régionale du CRCM
meeting-kind-working-group-minutes = Compte rendu de GTM
meeting-kind-session-report = Rapport de session
meeting-kind-regional-session = Session régionale
modality-in-person = en présentiel
modality-virtual = virtuelle
action-status-open = ouvert
action-status-in-progress = en cours
action-status-done = réalisé
action-status-dropped = abandonné
meeting-status-draft = brouillon
meeting-status-validated = validé
meeting-status-published = publié
