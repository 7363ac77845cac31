# Cadre — the web interface (French). Keep in step with ../en/web.ftl.

## The frame of every page

site-skip = Aller au contenu
site-tagline = Coordination et partage de l’information sur la migration – Niger
site-footer = Cadre — SP/CCM et groupes techniques sur la migration. Données ouvertes :
site-api = API JSON (OpenAPI)
nav-label = Navigation principale
nav-dashboard = Tableau de bord
nav-meetings = Réunions
nav-actions = Points d’action
nav-organisations = Organisations
nav-recommendations = Recommandations
nav-search = Recherche
nav-accounts = Comptes
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
error-back = Retour au tableau de bord
pager-label = Pages
pager-previous = Page précédente
pager-next = Page suivante
pager-summary = { $first }–{ $last } sur { $total } · page { $page } / { $pages }

## Shared words

colon = { "\u00A0: " }
filter-body = Instance
filter-year = Année
filter-all-f = Toutes
filter-all-m = Tous
filter-apply = Filtrer
filter-clear = Effacer les filtres
col-date = Date
col-body = Instance
col-title = Titre
col-place = Lieu
col-present = Présents
col-agenda-items = Points OdJ
col-action-points = Points d’action
late = en retard
not-specified-m = non précisé
not-specified-f = non précisée

## Dashboard

dash-as-of = Situation au { $day }.
dash-meetings = { $n ->
    [one] réunion
   *[other] réunions
}
dash-pending = { $total ->
    [one] point d’action en attente (sur { $total })
   *[other] points d’action en attente (sur { $total })
}
dash-overdue = en retard
dash-organisations = { $n ->
    [one] organisation
   *[other] organisations
}
dash-recommendations = { $n ->
    [one] recommandation
   *[other] recommandations
}
dash-upcoming = Prochaines réunions
dash-no-upcoming = Aucune prochaine réunion annoncée.
dash-announced-in = annoncée dans ce compte rendu
dash-overdue-heading = Points d’action en retard
dash-no-overdue = Aucun point d’action en retard.
dash-see-overdue = Voir les { $n } points d’action en retard
dash-due-soon = À échéance dans les { $days } jours
dash-no-due-soon = Aucun point d’action à échéance prochaine.
dash-see-due-soon = Voir les { $n } points d’action à échéance prochaine
dash-latest = Derniers comptes rendus
dash-no-meeting = Aucune réunion enregistrée.
dash-all-meetings = Toutes les réunions
calendar-all = Calendrier des prochaines réunions (iCalendar)

## Meetings and their lifecycle

meetings-none = Aucune réunion ne correspond à ces critères.
lifecycle-ticked = Réunions cochées :
lifecycle-validate = Valider
lifecycle-publish = Publier
lifecycle-withdraw = Retirer la publication
lifecycle-choose = Choisir
lifecycle-choose-meeting = Choisir la réunion du { $date }
lifecycle-unpublished-badge = validé, non publié
lifecycle-meeting = Réunion { $id }
lifecycle-back = Retour aux réunions
lifecycle-title-validate = Validation
lifecycle-title-publish = Publication
lifecycle-title-withdraw = Retrait de la publication
lifecycle-now = désormais { $status }
lifecycle-unchanged = inchangé ({ $status })
lifecycle-not-validated = encore brouillon : à valider avant de le publier
lifecycle-not-found = réunion inconnue
lifecycle-forbidden = seul le secrétariat valide et publie les comptes rendus
lifecycle-none-chosen = choisissez au moins une réunion

## Words of the canevas

canevas-date = Date
canevas-time = Heure
canevas-place = Lieu
canevas-body = Instance
canevas-attendance = Présence
canevas-follow-up = Suivi des points d’action de la rencontre précédente
canevas-agenda = Points inscrits à l’ordre du jour
canevas-discussion = Points de discussion clés
canevas-next-steps = Coordination prochaines étapes
canevas-rapporteur = Rapporteur
hours-from = à partir de { $time }
hours-until = jusqu’à { $time }

## Columns and fields

col-action-point = Point d’action
col-responsible = Personnes/agences responsables
col-deadline = Date limite
col-status = Statut
col-meeting = Réunion
col-name = Nom
col-organisation = Organisation
col-phone = Téléphone
col-email = E-mail
col-acronym = Sigle
col-kind = Type
col-aliases = Autres noms
col-number = N°
col-recommendation = Recommandation
col-implementation = État de mise en œuvre
col-challenges = Défis
col-perspectives = Perspectives
col-roadmap = Feuille de route
col-thematic-group = Groupe thématique
col-session = Session
col-field = Champ
col-found = Trouvé
col-warnings = Avertissements
filter-organisation = Organisation responsable
filter-region = Région
filter-due = Échéance
history = Historique
by = par { $who }
save = Enregistrer
choose = choisir
none-f = aucune
to-review = à vérifier

## Deadlines

deadline-none = sans date
deadline-due-by = échéance : { $day }
deadline-asap-late-after = en retard après le { $day }
deadline-at-event = lors de l’événement indiqué
deadline-ongoing = en continu
age-today = { $status } depuis aujourd’hui
age-days = { $n ->
    [one] { $status } depuis { $n } jour
   *[other] { $status } depuis { $n } jours
}
age-months = { $status } depuis { $n } mois
age-years = { $n ->
    [one] { $status } depuis { $n } an
   *[other] { $status } depuis { $n } ans
}

## A meeting's page

meeting-draft-strong = Brouillon
meeting-draft-banner = compte rendu pas encore validé : chaque champ est à vérifier contre l’original (voir le relevé d’extraction en bas de page).
meeting-unpublished-banner = Validé, non publié : visible des seuls comptes de Cadre.
meeting-download = Télécharger le compte rendu :
meeting-modality = réunion { $modality }
meeting-no-attendance = liste non disponible
meeting-function-attendees = Autres personnes présentes
meeting-follow-up-from = Points encore ouverts ou en cours issus de la réunion du
meeting-contacts = Coordonnées des participants
meeting-contacts-who = visibles par le secrétariat seulement
meeting-no-agenda = Ordre du jour non disponible.
meeting-next = Prochaine réunion
meeting-recommendations = Recommandations de la session
meeting-recommendations-shown = { $shown } recommandations affichées sur { $total }.
meeting-roadmap = Feuille de route { $roadmap }
meeting-source = Document source
meeting-bytes = { $n ->
    [one] { $n } octet
   *[other] { $n } octets
}
meeting-download-original = Télécharger le document original
meeting-original-withheld = Le document original n’est pas publié : il cite des personnes avec leurs coordonnées. Le secrétariat le conserve.
meeting-findings = Relevé d’extraction : ce que Cadre a lu, champ par champ
meeting-history-import = importé
meeting-history-validate = validé
meeting-history-publish = publié
meeting-history-withdraw = publication retirée
meeting-history-edit = corrigé
meeting-history-other = modifié

## Action points

actions-mine = Mes points d’action
actions-none = Aucun point d’action ne correspond à ces critères.
actions-download = Télécharger cette liste :
point-decided-at = Décidé lors de
point-follow-up = Suivi
point-changed-meanwhile = Modifié entre-temps
point-as-of = Situation au
point-comment = Commentaire
point-save = Enregistrer le compte rendu
point-no-report = Aucun compte rendu pour l’instant.
point-withdrawn = retiré
point-withdraw = Retirer
point-restore = Rétablir

## Organisations

orgs-intro = Chaque organisation regroupe les différentes façons dont les comptes rendus la nomment (OIM = IOM, D.U.E = DUE…).
orgs-to-review = { $n ->
    [one] { $n } organisation créée à l’import est à vérifier.
   *[other] { $n } organisations créées à l’import sont à vérifier.
}
orgs-none = Aucune organisation enregistrée.
org-merged-into = Fusionnée dans
org-is-role = Cette entrée désigne un rôle, pas une organisation : elle n’apparaît plus dans la liste des organisations.
org-unit-of = Unité de
org-units = Unités
org-its-actions = Ses points d’action
org-focal-points = Points focaux
org-focal-points-who = coordonnées visibles par le secrétariat et l’organisation seulement
org-no-focal-point = Aucun point focal enregistré.
org-function = Fonction
org-add-focal-point = Ajouter le point focal
org-update = Mettre à jour
org-rename = Renommer
org-rename-hint = Les anciens noms restent reconnus à l’import.
org-unit-of-hint = Unité de (par exemple une direction régionale de sa direction nationale)
org-save-kind = Enregistrer le type et le rattachement
org-unrole = Ce n’est pas un rôle : la remettre parmi les organisations
org-role-people = C’est un rôle (« Chauffeur », « Modérateur »…) : rattacher ses personnes à
org-no-organisation = aucune organisation
org-mark-role = Marquer comme rôle
org-duplicate-of = Doublon de
org-merge = Fusionner dans cette organisation
org-merge-hint = Présences, responsabilités, noms et comptes suivent ; la fusion peut être annulée.
org-unmerge = Annuler la fusion

## Recommendations

recs-none = Aucune recommandation ne correspond à ces critères.
recs-roadmap-example = ex. 2021

## Search

search-words = Mots cherchés
search-go = Chercher
search-hint = Accents et majuscules sans importance ; « migrations » trouve aussi « migration ». Tous les mots doivent figurer ; "entre guillemets" pour une expression, -mot pour exclure.
search-updating = L’index de recherche est en cours de mise à jour après un import : des résultats récents peuvent manquer.
search-empty = Indiquez au moins un mot à chercher (les mots courants comme « de » ou « la » ne comptent pas).
search-no-result = Aucun résultat.
search-beyond-window = Seuls les 10 000 premiers résultats sont consultables : précisez la recherche (un mot de plus, une instance, une année ou un type).

## Accounts

account-mine = Mon compte
account-username = Nom d’utilisateur
account-password = Mot de passe
account-role = Rôle
account-scope = Rattachement
account-state = État
account-active = actif
account-disabled = désactivé
account-title = Compte { $name }
account-change-password = Changer de mot de passe
account-current-password = Mot de passe actuel
account-new-password = Nouveau mot de passe (au moins { $n } caractères)
account-initial-password = Mot de passe initial (au moins { $n } caractères)
account-change-password-button = Changer le mot de passe
account-change-password-hint = Changer de mot de passe ferme toutes vos sessions ouvertes, sur tous vos appareils.
account-role-and-scope = Rôle et rattachement
account-sessions-closed = Les sessions ouvertes de ce compte sont fermées.
account-access = Accès
account-enable = Réactiver le compte
account-disable = Désactiver le compte
account-disable-hint = Ses sessions sont fermées ; il peut être réactivé.
account-new = Nouveau compte
account-create = Créer le compte
account-organisation-hint = Organisation (éditeur partenaire)
account-region-hint = Région (point focal régional)
login-hint = Les comptes sont créés par l’administrateur de Cadre au SP/CCM. Le public consulte le site sans compte.
actions-region-of = région de { $region }
at-time = { $day } à { $time }

## Errors

error-not-found = Page introuvable
error-not-found-text = La page ou l’élément demandé n’existe pas (ou plus).
error-bad-request = Requête invalide
error-bad-param = Paramètre « { $param } » invalide : { $message }
error-uri-too-long = Adresse trop longue
error-uri-too-long-text = L’adresse demandée dépasse { $max } octets : raccourcissez la recherche ou les filtres.
error-withheld = Document non publié
error-sign-in = Connexion requise.
error-forbidden = Action non autorisée
error-forbidden-text = Votre rôle ne permet pas cette action : { $why }.
error-csrf = Formulaire expiré
error-csrf-text = Ce formulaire a expiré ou ne vient pas de Cadre : rien n’a été enregistré. Rechargez la page et recommencez.
error-internal = Erreur interne
error-internal-text = Une erreur interne est survenue. Veuillez réessayer plus tard.

## Parameters of pages and of the API

param-query = requête
param-unreadable = chaîne de requête illisible ({ $detail })
param-not-year = « { $value } » n’est pas une année (exemple : 2023)
param-not-status = « { $value } » n’est pas un statut ; valeurs possibles : open, in_progress, done, dropped
param-not-id = « { $value } » n’est pas un identifiant (entier positif)
param-missing-id = identifiant manquant
param-not-bool = « { $value } » n’est pas un booléen (true/false, 1/0)
param-not-page = « { $value } » n’est pas un numéro de page (entier de 1 à 1 000 000)
param-not-limit = « { $value } » doit être un entier entre 1 et { $max }
param-not-offset = « { $value } » doit être un entier entre 0 et 1 000 000
param-beyond-window = au-delà des 10 000 premiers résultats, précisez la recherche (ajoutez un mot, une instance, une année ou un type)
param-too-long = valeur trop longue (200 caractères au plus)
param-not-rec-status = « { $value } » n’est pas un statut de recommandation ; valeurs possibles : none, not_started, in_progress, implemented, abandoned, to_reformulate
param-not-pnm = « { $value } » n’est ni un axe ni un sous-programme de la PNM (exemple : 2 ou 2.3)
param-not-objective = « { $value } » n’est pas un objectif du Pacte mondial (de 1 à 23)
param-not-years = « { $value } » doit être un nombre d’années entre 1 et 50
meeting-next-in-month = courant { $month }
recs-section = Recommandations { $scope }
recs-section-group = Recommandations { $scope } – { $group }
original-secretariat-only = le document original cite des personnes avec leurs coordonnées : seul le secrétariat le télécharge
original-withheld = Le document original cite des personnes avec leurs coordonnées (téléphone, e-mail) : il est conservé par le secrétariat mais n’est pas publié. Le compte rendu structuré ci-dessus en reprend tout le contenu public.
search-kind-discussion = Points de discussion
field-body = Instance
field-title = Titre
field-date = Date
field-time = Heure
field-place = Lieu
field-modality = Modalité
field-attendance = Présence
field-agenda = Ordre du jour
field-action-points = Points d’action
field-next-meeting = Prochaine réunion
field-rapporteur = Rapporteur
field-recommendations = Recommandations
field-document = Document
field-unplaced-text = Texte non placé
field-other = Autre

## Forms

report-forbidden = seuls le secrétariat, les éditeurs des organisations responsables et le point focal de la région rendent compte de ce point d'action
report-comment-needed = Ajoutez un commentaire : ce qui a été fait, ce qui reste, ce qui bloque.
report-stale = Ce point d'action a été modifié pendant que vous le lisiez : votre compte rendu n'a pas été enregistré. Voici ce qui a changé ; votre texte est conservé ci-dessous, vérifiez-le et enregistrez de nouveau.
report-withdraw-forbidden = seul le secrétariat retire ou rétablit un compte rendu
report-withdraw-stale = Ce point d'action a été modifié entre-temps : rien n'a été changé. Vérifiez l'historique ci-dessous et recommencez.
report-choose-status = Choisissez un statut.
form-version-unreadable = Version du formulaire illisible : rechargez la page.
form-date-unreadable = Date illisible : utilisez le format AAAA-MM-JJ.
org-forbidden = seul le secrétariat modifie les organisations
org-name-required = Le nom est obligatoire (200 caractères au plus).
org-acronym-too-long = Le sigle dépasse 40 caractères.
org-merge-choose = Choisissez l'organisation dans laquelle fusionner.
org-stale = Cette organisation a été modifiée entre-temps : rien n'a été changé. Voici son état actuel et son historique ; recommencez si nécessaire.
org-chosen-not-found = Organisation choisie introuvable.
focal-forbidden = seuls le secrétariat et les éditeurs de l'organisation tiennent ses points focaux
focal-invalid = Le nom du point focal est obligatoire ; chaque champ fait 200 caractères au plus.
focal-stale = Ce point focal a été modifié entre-temps : rien n'a été changé.
accounts-forbidden = seuls les administrateurs gèrent les comptes
account-stale = Ce compte a été modifié entre-temps par quelqu'un d'autre : rien n'a été changé. Voici son état actuel ; recommencez si nécessaire.
account-unknown-organisation = Organisation inconnue.
login-form-expired = Le formulaire a expiré ou ne vient pas de Cadre. Saisissez de nouveau vos identifiants.
login-wrong = Nom d'utilisateur ou mot de passe incorrect.
password-current-wrong = Le mot de passe actuel est incorrect.
report-comment-too-long = Le commentaire dépasse { $max } caractères.
report-date-range = La date du compte rendu doit être comprise entre la réunion ({ $meeting }) et aujourd'hui.
refused = Refusé : { $why }.
org-history-rename = renommée
org-history-set-kind = type ou rattachement changé
org-history-mark-role = marquée comme rôle
org-history-unmark-role = n'est plus marquée comme rôle
org-history-merge = fusionnée
org-history-unmerge = fusion annulée
org-history-absorb = a reçu une organisation fusionnée
org-history-other = modifiée
org-history-people-to = personnes rattachées à { $name }
org-history-kind-unit = { $kind }, unité de { $parent }
account-history-create = création
account-history-disable = désactivation
account-history-enable = réactivation
account-history-set-role = changement de rôle
account-history-disabled-suffix = { ", désactivé" }
account-choose-role = choisissez un rôle
login-throttled = Trop de tentatives de connexion échouées. Réessayez dans { $minutes } minutes.
account-history-set-password = nouveau mot de passe
account-history-other = modification
lifecycle-too-many = au plus { $max } réunions à la fois
region-unknown = région inconnue
calendar-name-all = prochaines réunions
calendar-summary = Réunion { $body }
calendar-body = Calendrier de cette instance (iCalendar)
meeting-history-create = rédigé dans Cadre

## Writing minutes

write-title = Rédiger un compte rendu
write-intro = Le compte rendu suit le canevas. Il est enregistré comme brouillon, puis validé et publié par le secrétariat.
write-errors = Le compte rendu n’a pas été enregistré : corrigez ces champs.
write-header = En-tête
write-title-hint = laissé vide : « Compte rendu de la réunion du … »
write-start = Début
write-end = Fin
write-modality = Modalité
write-place = Lieu ou lien de la réunion virtuelle
write-attendance-hint = Une organisation par ligne ; « Organisation — Nom » pour nommer une personne. Une organisation inconnue est créée et marquée à vérifier.
write-item = Point { $n } de l’ordre du jour
write-presenter = Présenté par
write-who-hint = Responsables : séparez les organisations par une virgule ou « et » (« SP/CCM, DRECM-R et OIM »).
write-read-as = lu comme :
write-add-action = Ajouter un point d’action
write-add-item = Ajouter un point à l’ordre du jour
write-next-hint = ex. « La prochaine réunion est prévue le 15 janvier 2027 à 9h »
write-save = Enregistrer le brouillon
write-save-hint = Les lignes vides sont ignorées.
write-default-title = Compte rendu de la réunion du { $body } du { $day }
write-deadline-asap = dès la réunion
write-error-body = choisissez l’instance qui s’est réunie
write-error-date = indiquez la date de la réunion (AAAA-MM-JJ)
write-error-time = heure illisible : écrivez-la comme 09:30
write-error-item-title = ce point de l’ordre du jour a un contenu mais pas de titre
write-forbidden = seuls le secrétariat et les points focaux régionaux rédigent des comptes rendus
write-link = Rédiger un compte rendu
correct-title = Corriger le brouillon
correct-intro = Vérifiez chaque champ contre le document original ; ce que l’import y a lu et ses avertissements sont rappelés sous chaque champ.
correct-original = Ouvrir le document original
correct-read = lu dans le document : { $found }
correct-check-first = À vérifier en premier (déduit d’autres indices ou valeur par défaut) :
finding-with-how = { $found } ({ $how })
found-by-label = sous son étiquette
found-by-sentence = dans une phrase
found-by-inference = déduit d’autres indices, à vérifier
found-by-default = valeur par défaut, à vérifier
correct-save = Enregistrer les corrections
correct-stale = Ce compte rendu a été modifié entre-temps : vos corrections n’ont pas été enregistrées. Elles sont conservées ci-dessous ; vérifiez la version actuelle puis enregistrez de nouveau.
correct-link = Corriger
correct-current = Voir la version actuelle
import-title = Importer des comptes rendus
import-intro = Word (.docx), PDF ou texte ; { $max } fichiers au plus par envoi. Chaque document devient un brouillon à vérifier et à valider ; un fichier déjà importé n’est pas importé deux fois, un fichier illisible n’empêche pas les autres.
import-files = Documents
import-go = Importer
import-report = Rapport d’import
import-file = Fichier
import-outcome = Résultat
import-done = importé comme réunion { $id } (brouillon)
import-already = déjà importé (réunion { $id })
import-no-file = choisissez au moins un document
import-forbidden = seul le secrétariat importe des documents
import-unavailable = Ce serveur ne lit pas de documents : importez-les avec « cadre import ».
import-link = Importer des documents

## One recommendation

rec-roadmap = feuille de route { $roadmap }
rec-adopted-by = Adoptée par
rec-as-of = au { $day }
rec-no-status = aucun rapport de mise en œuvre n’en donne encore
rec-age = Ancienneté
rec-first-adopted = adoptée pour la première fois en { $year }
rec-sessions = { $n ->
    [one] { $n } session
   *[other] { $n } sessions
}
rec-years-without-progress = { $n ->
    [0] moins d’un an sans progrès signalé
    [one] { $n } an sans progrès signalé
   *[other] { $n } ans sans progrès signalé
}
rec-as-adopted = Ce que dit le document
rec-history = Mise en œuvre
rec-no-report = Aucun rapport de mise en œuvre pour l’instant.
rec-status-unstated = état sans statut précisé
rec-read-from-minutes = lu dans le compte rendu
rec-earlier-forms = Formes antérieures
rec-later-forms = Reprise par la suite
rec-proposed = proposée par Cadre (similarité { $score } %), à confirmer
rec-ties = Responsables et alignement
rec-not-set = non renseigné
rec-partners = Partenaires
rec-pnm = Politique nationale de migration (axe ou sous-programme)
rec-gcm = Objectifs du Pacte mondial
rec-target = Échéance
rec-target-date = Échéance (date)
rec-target-text = Échéance en toutes lettres (si ce n’est pas une date)
rec-align-edit = Modifier les responsables et l’alignement
rec-align-orgs-help = Sigles ou noms des organisations, séparés par des virgules : par exemple OIM, HCR, DRECM Agadez.
rec-align-save = Enregistrer
rec-report-new = Ajouter un rapport de mise en œuvre
rec-serving-points = Points d’action qui la servent
rec-link-confirm = Confirmer
rec-link-reject = Rejeter
rec-report-forbidden = seuls le secrétariat, les éditeurs des organisations responsables et le point focal de la région rendent compte de cette recommandation
rec-report-done-needed = Décrivez l’état de mise en œuvre : ce qui a été fait, ce qui reste.
rec-report-too-long = Le champ « { $field } » dépasse { $max } caractères.
rec-report-date-range = La date du rapport doit être comprise entre l’adoption ({ $adopted }) et aujourd’hui.
rec-report-date-future = La date du rapport ne peut pas être dans l’avenir.
rec-report-stale = Cette recommandation a été modifiée pendant que vous la lisiez : votre rapport n’a pas été enregistré. Voici ce qui a changé ; votre texte est conservé ci-dessous, vérifiez-le et enregistrez de nouveau.
rec-withdraw-stale = Cette recommandation a été modifiée entre-temps : rien n’a été changé. Vérifiez l’historique ci-dessous et recommencez.
rec-link-forbidden = seul le secrétariat confirme ou rejette les formes antérieures d’une recommandation
rec-link-decision = décision attendue : confirm ou reject
rec-align-forbidden = seul le secrétariat désigne les responsables d’une recommandation et son alignement
rec-align-unknown-organisation = Organisation inconnue : « { $name } ». Vérifiez le sigle ou ajoutez-la d’abord à l’annuaire des organisations.
rec-align-unknown-pnm = Axe ou sous-programme de la PNM inconnu : « { $code } ».
rec-align-unknown-objective = Objectif du Pacte mondial inconnu : « { $number } » (de 1 à 23).
rec-align-target-too-long = L’échéance en toutes lettres dépasse { $max } caractères.
rec-align-stale = Cette recommandation a été modifiée pendant que vous la lisiez : rien n’a été enregistré. Vérifiez ce qui est affiché et recommencez.
serve-title = Recommandation servie
serve-none = Ce point d’action n’est rattaché à aucune recommandation.
serve-edit = Rattacher à une recommandation
serve-choose = Recommandations dont le texte ressemble à ce point
serve-other = Une autre, par son numéro
serve-other-number = Numéro de la recommandation (dans son adresse /recommendations/…)
serve-no-recommendation = Aucune
serve-forbidden = seuls le secrétariat et le point focal de la région rattachent un point d’action à une recommandation
serve-number-unreadable = numéro de recommandation illisible
serve-unknown = Aucune recommandation ne porte ce numéro : rien n’a été changé.
serve-stale = Ce point d’action a été modifié pendant que vous le lisiez : rien n’a été changé. Vérifiez et recommencez.
rec-unreported = sans rapport
rec-stalled-years = { $n ->
    [one] au moins { $n } an
   *[other] au moins { $n } ans
}
rec-filter-pnm = Axe ou sous-programme PNM
rec-filter-objective = Objectif du Pacte mondial
rec-filter-stalled = Sans progrès signalé depuis
rec-matrix-link = Voir la feuille de route en matrice (groupes × statuts)
rec-download = État de mise en œuvre :
rec-matrix-title = Feuille de route : groupes thématiques × statuts
rec-matrix-total = { $n ->
    [one] { $n } recommandation
   *[other] { $n } recommandations
}
rec-matrix-list = voir la liste
rec-matrix-row-total = Total
rec-row-general = Recommandations générales
rec-row-axis = Axe { $axis } de la PNM
rec-row-unclassified = Non classées
rec-chart-title = Recommandations par groupe et par statut
rec-alignment-title = Rapport d’alignement (PNM et Pacte mondial)
rec-alignment-all-objectives = Chacun des 23 objectifs du Pacte mondial est servi par au moins une recommandation.
rec-alignment-nobody = Objectifs que personne ne sert : { $objectives }.
rec-alignment-without-objective = { $n ->
    [0] Toutes les recommandations sont rattachées à un objectif.
    [one] { $n } recommandation n’est rattachée à aucun objectif.
   *[other] { $n } recommandations ne sont rattachées à aucun objectif.
}
rec-alignment-without-pnm = { $n ->
    [0] Toutes les recommandations sont rattachées à la PNM.
    [one] { $n } recommandation n’est rattachée à aucun axe de la PNM.
   *[other] { $n } recommandations ne sont rattachées à aucun axe de la PNM.
}
rec-alignment-implemented = Mises en œuvre
rec-alignment-none = aucune
