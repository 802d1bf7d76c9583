// The same renderer the handbook text is written for; shared with the Worker so previews match.
export { renderPlaceholders, type CommunityFacts, type Locale } from '../../../../worker/templates/placeholders';
