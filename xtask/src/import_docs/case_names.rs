//! Case names: the part after `<kind>__` in a fixture name, from the
//! example heading (see [`CASE_NAMES`]).

use crate::lenient_json::Node;

/// Case names (the part after `<kind>__` in a fixture name) for the example
/// headings of the docs, Portuguese and English. Headings are compared after
/// [`normalize_heading`]. Headings not listed here fall back to the
/// notification name (notification payloads), to `basic` (status-code
/// headings such as `200`) or to a slug of the heading (with a warning).
pub(super) const CASE_NAMES: &[(&str, &str)] = &[
    // pt/on-message-received.md and pt/on-message-received-notify-fromme.md
    ("exemplo de retorno de texto", "basic"),
    ("exemplo de retorno de template de texto", "text"),
    ("exemplo de retorno de reação", "basic"),
    ("exemplo de retorno de texto (lista de botão)", "basic"),
    ("exemplo de retorno de template de botão otp", "otp_button"),
    ("exemplo de retorno de botão de chave pix", "basic"),
    ("exemplo de retorno de botão com imagem", "image"),
    ("exemplo de retorno de botão com video", "video"),
    ("exemplo de retorno de texto (lista de opcão)", "basic"),
    ("exemplo de retorno de carrosel", "basic"),
    ("exemplo de retorno de texto vindos de anúncio", "from_ad"),
    ("exemplo de retorno de imagem", "basic"),
    ("exemplo de retorno de foto", "basic"),
    ("exemplo de retorno de template de imagem", "image"),
    ("exemplo de retorno de áudio", "basic"),
    ("exemplo de retorno de vídeo", "basic"),
    ("exemplo de retorno de template de vídeo", "video"),
    ("exemplo de retorno de ptv", "ptv"),
    ("exemplo de retorno de contato", "basic"),
    ("exemplo de retorno de documento", "basic"),
    ("exemplo de retorno de template de documento", "document"),
    ("exemplo de retorno de localização", "basic"),
    ("exemplo de retorno de template de localização", "location"),
    ("exemplo de retorno de sticker", "basic"),
    ("exemplo de retorno de gif", "gif"),
    ("exemplo de retorno de pagamento feito", "basic"),
    (
        "exemplo de retorno de pedido de pagamento",
        "payment_action_request_declined",
    ),
    ("exemplo de retorno de recebimento de pagamento", "basic"),
    ("exemplo de retorno de ligação recebida", "call_voice"),
    ("exemplo de retorno de ligação perdida", "call_missed_voice"),
    (
        "exemplo de solicitação de entrada em grupo através de um link de convite",
        "membership_approval_request_invite_link",
    ),
    (
        "exemplo de solicitação de entrada em grupo revogada pelo usuário",
        "revoked_membership_requests",
    ),
    (
        "exemplo de solicitação de entrada em grupo adicionado por um participante",
        "membership_approval_request_non_admin_add",
    ),
    (
        "exemplo de admin promovido a um canal",
        "newsletter_admin_promote",
    ),
    (
        "exemplo de admin removido de um canal",
        "newsletter_admin_demote",
    ),
    ("exemplo de retorno de produto", "basic"),
    ("exemplo de retorno de carrinho", "basic"),
    ("exemplo de retorno de enquete", "basic"),
    ("exemplo de retorno de resposta de enquete", "basic"),
    ("exemplo de retorno de envio de pedido", "basic"),
    ("exemplo de retorno de atualização de pedido", "basic"),
    ("exemplo de retorno de convite admin de canal", "basic"),
    ("exemplo de retorno de fixar mensagem", "basic"),
    ("exemplo de retorno de evento", "basic"),
    ("exemplo de retorno de resposta de evento", "basic"),
    ("exemplo de retorno de \"aguardando mensagem\"", "basic"),
    (
        "exemplo de retorno de alteração do nome do whatsapp conectado",
        "profile_name_updated",
    ),
    (
        "exemplo de retorno de alteração da foto do whatsapp conectado",
        "profile_picture_updated",
    ),
    (
        "exemplo de retorno de alteração de etiquetas de um chat",
        "chat_label_association",
    ),
    ("exemplo de retorno de resposta de status", "status_reply"),
    (
        "exemplo de retorno quando a mensagem é enviada para uma lista de transmissão",
        "broadcast_list",
    ),
    (
        "exemplo de notificação: acesso ao link de convite limitado a administradores",
        "group_member_link_property_update_admin_link",
    ),
    (
        "exemplo de notificação: acesso ao link de convite a todos os membros",
        "group_member_link_property_update_all_member_link",
    ),
    // en/on-message-received.md
    ("text return example", "basic"),
    ("template text return example", "text"),
    ("reaction return example", "basic"),
    ("example return text (button list)", "basic"),
    ("example return text (picklist)", "basic"),
    ("image return example", "basic"),
    ("template image return example", "image"),
    ("audio feedback example", "basic"),
    ("video return example", "basic"),
    ("template video return example", "video"),
    ("contact feedback example", "basic"),
    ("document return example", "basic"),
    ("template document return example", "document"),
    (
        "example of a group join request via an invitation link",
        "membership_approval_request_invite_link",
    ),
    (
        "example of a group join request revoked by user",
        "revoked_membership_requests",
    ),
    (
        "example of a group join request added by a participant",
        "membership_approval_request_non_admin_add",
    ),
    ("localization's feedback example", "basic"),
    ("template localization return example", "location"),
    ("template otp button return example", "otp_button"),
    ("pix key button return example", "basic"),
    ("button with image return example", "image"),
    ("button with video return example", "video"),
    ("carousel return example", "basic"),
    ("sticker feedback example", "basic"),
    ("example of return of payment made", "basic"),
    (
        "payment request return example",
        "payment_action_request_declined",
    ),
    (
        "example of an admin promoted to newsletter",
        "newsletter_admin_promote",
    ),
    (
        "example of an admin demoted of newsletter",
        "newsletter_admin_demote",
    ),
    ("example of payment receipt return", "basic"),
    ("product return example", "basic"),
    ("cart return example", "basic"),
    ("example of poll response", "basic"),
    ("example of poll response message", "basic"),
    ("send order return example", "basic"),
    ("update order return example", "basic"),
    ("newsletter admin invitation return example", "basic"),
    ("pin message return example", "basic"),
    ("event return example", "basic"),
    ("event response return example", "basic"),
    ("waiting message return example", "basic"),
    (
        "example of return for changing the connected whatsapp name",
        "profile_name_updated",
    ),
    (
        "example of return for changing the connected whatsapp photo",
        "profile_picture_updated",
    ),
    ("chat tag update return example", "chat_label_association"),
    ("status post response example", "status_reply"),
    (
        "example response when a message is sent to a broadcast list",
        "broadcast_list",
    ),
    (
        "example of notification: group invite link access restricted to administrators",
        "group_member_link_property_update_admin_link",
    ),
    (
        "example of notification: group invite link access to all members",
        "group_member_link_property_update_all_member_link",
    ),
    // The `new-doc` branch of the docs repository: its pages (`ao-receber.md`,
    // `status-mensagem.md`, `ao-conectar.md`, ...) use other headings for the
    // same examples. Each maps to the case name of the heading it replaces, so a
    // payload that did not change keeps its fixture name.
    // pt/ao-conectar.md, ao-desconectar.md, ao-enviar.md, status-mensagem.md
    ("evento e payload", "basic"),
    ("evento", "basic"),
    ("payload", "basic"),
    ("estrutura do payload", "basic"),
    // pt/ao-receber.md
    ("exemplo de retorno de botão com vídeo", "video"),
    ("exemplo de retorno de texto (lista de opção)", "basic"),
    ("exemplo de retorno de carrossel", "basic"),
    ("exemplo de retorno de texto vindo de anúncio", "from_ad"),
    (
        "exemplo de solicitação de entrada em grupo através de link de convite",
        "membership_approval_request_invite_link",
    ),
    (
        "exemplo de solicitação de entrada em grupo adicionado por participante",
        "membership_approval_request_non_admin_add",
    ),
    // en/ao-conectar.md, ao-desconectar.md, status-mensagem.md (`payload` above)
    ("event and payload", "basic"),
    ("event", "basic"),
    ("payload structure", "basic"),
    // en/ao-receber.md
    ("text template return example", "text"),
    ("text (button list) return example", "basic"),
    ("otp button template return example", "otp_button"),
    ("text (option list) return example", "basic"),
    ("text from ad return example", "from_ad"),
    ("image template return example", "image"),
    ("audio return example", "basic"),
    ("video template return example", "video"),
    ("ptv return example", "ptv"),
    ("contact return example", "basic"),
    ("document template return example", "document"),
    ("location return example", "basic"),
    ("location template return example", "location"),
    ("sticker return example", "basic"),
    ("gif return example", "gif"),
    ("payment made return example", "basic"),
    ("payment received return example", "basic"),
    ("poll return example", "basic"),
    ("poll response return example", "basic"),
    ("order submission return example", "basic"),
    ("order update return example", "basic"),
    ("channel admin invite return example", "basic"),
    ("\"waiting message\" return example", "basic"),
    ("status response return example", "status_reply"),
    (
        "group join request via invite link example",
        "membership_approval_request_invite_link",
    ),
    (
        "group join request added by participant example",
        "membership_approval_request_non_admin_add",
    ),
    ("missed call return example", "call_missed_voice"),
    ("received call return example", "call_voice"),
    (
        "chat labels change return example",
        "chat_label_association",
    ),
    (
        "admin removed from a channel example",
        "newsletter_admin_demote",
    ),
    (
        "admin promoted to a channel example",
        "newsletter_admin_promote",
    ),
    (
        "connected whatsapp name change return example",
        "profile_name_updated",
    ),
    (
        "connected whatsapp photo change return example",
        "profile_picture_updated",
    ),
    (
        "group join request revoked by user example",
        "revoked_membership_requests",
    ),
];

/// Lowercases a heading and normalizes spaces, quotes and final punctuation.
pub(super) fn normalize_heading(heading: &str) -> String {
    let lowered = heading
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'");
    let collapsed = lowered.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed.trim_end_matches(['.', ':']).trim_end().to_owned()
}

/// A snake_case ASCII slug (`"Exemplo de PTV"` -> `exemplo_de_ptv`).
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let folded = match c {
            'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' | 'Â' | 'Ã' => 'a',
            'é' | 'ê' | 'è' | 'É' | 'Ê' => 'e',
            'í' | 'Í' => 'i',
            'ó' | 'ô' | 'õ' | 'ö' | 'Ó' | 'Ô' | 'Õ' => 'o',
            'ú' | 'ü' | 'Ú' => 'u',
            'ç' | 'Ç' => 'c',
            c => c,
        };
        if folded.is_ascii_alphanumeric() {
            out.push(folded.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The case name of an example (see [`CASE_NAMES`]) and whether it is a
/// known one (`false` when it had to be made up from the heading).
pub(super) fn case_of(callback: &str, kind: &str, heading: &str, node: &Node) -> (String, bool) {
    if matches!(callback, "message_status" | "presence_chat") {
        if let Some(status) = node.get("status").and_then(Node::as_str) {
            return (slug(status), true);
        }
    }
    let normalized = normalize_heading(heading);
    if let Some((_, case)) = CASE_NAMES.iter().find(|(h, _)| *h == normalized) {
        return ((*case).to_owned(), true);
    }
    if kind == "notification" {
        if let Some(name) = node.get("notification").and_then(Node::as_str) {
            return (slug(name), true);
        }
    }
    if normalized.is_empty() || normalized.chars().all(|c| c.is_ascii_digit()) {
        return ("basic".to_owned(), true);
    }
    let made_up = slug(&normalized);
    (
        if made_up.is_empty() {
            "example".to_owned()
        } else {
            made_up
        },
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_names_and_slugs() {
        assert_eq!(
            slug("Exemplo de retorno de PTV!"),
            "exemplo_de_retorno_de_ptv"
        );
        assert_eq!(slug("Localização ação"), "localizacao_acao");
        let node = Node::Object(vec![(
            "notification".to_owned(),
            Node::String("CALL_VOICE".to_owned()),
        )]);
        assert_eq!(
            case_of("received", "notification", "Whatever", &node),
            ("call_voice".to_owned(), true)
        );
        assert_eq!(
            case_of("delivery", "delivery", "200", &node),
            ("basic".to_owned(), true)
        );
        assert_eq!(
            case_of("received", "text", "Localization’s feedback example", &node),
            ("basic".to_owned(), true)
        );
        assert_eq!(
            case_of("received", "text", "Something new", &node),
            ("something_new".to_owned(), false)
        );
    }
}
